// drift: random walk with drift, the line from the first to the last
// observation extended (R's forecast::rwf(drift = TRUE)); intervals include
// the uncertainty of the estimated slope.
#pragma once

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"

namespace foresight {

class DriftForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "drift"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  struct Spread {
    double sigma2;   // residual variance of the differences around the slope
    double slopeSe;  // standard error of the slope
  };
  // Fit and update share this one step (Welford on the differences), so an
  // update equals a refit exactly.
  void step(double y);
  Spread spread() const;
  void publishStatistics();

  double last_ = 0;
  double slope_ = 0;      // mean of the differences
  double m2_ = 0;         // sum of squared deviations of the differences
  long long count_ = 0;   // number of differences
};

ModelInfo driftModelInfo();

}  // namespace foresight
