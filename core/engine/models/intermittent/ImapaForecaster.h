// imapa: the Intermittent Multiple Aggregation Prediction Algorithm
// (Petropoulos and Kourentzes 2015): ADIDA at every aggregation level from 1
// to `max_level` (by default the mean demand interval, rounded), the
// per-period forecasts averaged with equal weights, which removes the need
// to pick one level. Each level's SES alpha is chosen on its own. The
// in-sample forecast of a period is the mean of the levels that have one
// there. Intervals are empirical (EmpiricalErrors.h).
#pragma once

#include <vector>

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/intermittent/AggregatedSmoothing.h"

namespace foresight {

class ImapaForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "imapa"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  double rate() const;
  std::vector<intermittent::AggregatedSmoothing> levels_;  // level k at index k - 1
};

ModelInfo imapaModelInfo();

}  // namespace foresight
