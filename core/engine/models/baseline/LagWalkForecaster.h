// Random walk on a lag (naive: lag 1; seasonal naive: the period), as R's
// forecast::lagwalk: forecasts repeat the last `lag` values; the h-step
// variance is sigma^2 * (floor((h - 1) / lag) + 1) with sigma^2 the mean
// squared lag-difference of the data.
#pragma once

#include <vector>

#include "engine/models/Forecaster.h"

namespace foresight {

class LagWalkForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  nlohmann::json params() const override;

 protected:
  // The lag to use for n observations (adds a warning when it falls back).
  virtual int chooseLag(Eigen::Index n) = 0;
  int lag() const { return lag_; }
  double sigma() const;

  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  // Fit and update share this one step, so an update equals a refit exactly.
  void step(double y);
  void publishStatistics();

  int lag_ = 1;
  std::vector<double> recent_;  // ring of the last lag_ values; recent_[pos_] is the oldest
  std::size_t pos_ = 0;
  double sumSquares_ = 0;       // of the lag-differences seen
  long long count_ = 0;         // how many lag-differences
};

}  // namespace foresight
