// naive2: the M4 competition's Naive2 benchmark - a random walk on the
// multiplicatively deseasonalised data, reseasonalised (R's naive() on
// x / decompose()$seasonal when the M4 seasonality test says the series is
// seasonal; plain naive otherwise).
#pragma once

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/decomposition/SeasonalAdjustment.h"

namespace foresight {

class Naive2Forecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "naive2"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  // Points: the last adjusted value times the index of each future period;
  // intervals: R's naive() intervals on the adjusted data (sigma^2 the mean
  // squared difference, growing with sqrt(h)), times the same index.
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  double sigma2() const;
  void publishStatistics();

  SeasonalAdjustment seasonal_;
  double last_ = 0;         // last adjusted observation
  long long n_ = 0;         // observations seen: the next one has cycle position n_
  double sumSquares_ = 0;   // of the adjusted one-step differences
  long long count_ = 0;     // how many differences
};

ModelInfo naive2ModelInfo();

}  // namespace foresight
