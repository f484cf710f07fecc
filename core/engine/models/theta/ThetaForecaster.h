// theta: the Theta method of Assimakopoulos & Nikolopoulos (2000). The
// standard method is R's forecast::thetaf (points and intervals); the
// classic method is the M4 competition's Theta benchmark (Theta.classic in
// the organisers' "Benchmarks and Evaluation.R"). Both deseasonalise
// multiplicatively when their seasonality test says so.
#pragma once

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/decomposition/SeasonalAdjustment.h"
#include "engine/models/theta/ThetaState.h"

namespace foresight {

class ThetaForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "theta"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  ThetaMethod configuredMethod() const;
  void publishStatistics();

  SeasonalAdjustment seasonal_;
  ThetaState state_;
};

ModelInfo thetaModelInfo();

}  // namespace foresight
