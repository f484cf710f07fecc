// mean: every forecast is the mean of the data; Student-t intervals with
// the sample standard deviation (R's forecast::meanf).
#pragma once

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"

namespace foresight {

class MeanForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "mean"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  // Welford's update, shared by fit and update so that both agree exactly.
  void step(double y);
  double sd() const;
  void publishStatistics();

  double mean_ = 0;
  double m2_ = 0;        // sum of squared deviations from the mean
  long long count_ = 0;
};

ModelInfo meanModelInfo();

}  // namespace foresight
