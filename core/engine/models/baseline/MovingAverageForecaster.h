// moving_average(window): every forecast is the mean of the last `window`
// observations; intervals from the variance of the in-sample one-step errors.
#pragma once

#include <vector>

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"

namespace foresight {

class MovingAverageForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "moving_average"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  double windowMean() const;  // summed oldest first, the same before and after a reload
  double sigma() const;
  void step(double y);        // shared by fit and update
  void publishStatistics();

  std::vector<double> recent_;  // ring of the last window values; recent_[pos_] is the oldest
  std::size_t pos_ = 0;
  double sumSquares_ = 0;       // of the one-step errors
  long long count_ = 0;
};

ModelInfo movingAverageModelInfo();

}  // namespace foresight
