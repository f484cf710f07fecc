// adida: the Aggregate-Disaggregate Intermittent Demand Approach
// (Nikolopoulos et al. 2011): the series is summed into buckets of `level`
// periods (by default its mean demand interval, rounded), the bucket totals
// are forecast by simple exponential smoothing, and the forecast is spread
// evenly back over the periods (AggregatedSmoothing.h). Intervals are
// empirical (EmpiricalErrors.h).
#pragma once

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/intermittent/AggregatedSmoothing.h"

namespace foresight {

class AdidaForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "adida"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  intermittent::AggregatedSmoothing aggregate_;
};

ModelInfo adidaModelInfo();

}  // namespace foresight
