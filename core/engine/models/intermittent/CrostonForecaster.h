// croston: Croston's (1972) method for intermittent demand, as R's
// forecast::croston: simple exponential smoothing (one alpha, "simple"
// initial values) of the non-zero demands and, separately, of the intervals
// between them; the forecast is their ratio at every step. `type` picks the
// bias correction: "croston" (none), "sba" (Syntetos-Boylan, x (1 - alpha/2))
// or "sbj" (Shale-Boylan-Johnston, x (1 - alpha/(2 - alpha))).
//
// Croston's method has no stochastic model, so intervals are empirical
// (EmpiricalErrors.h).
#pragma once

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"

namespace foresight {

class CrostonForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "croston"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  // One period of demand: a non-zero value updates both smoothed series.
  void step(double y);
  // The forecast from the periods seen so far (0 before the first demand).
  double rate() const;
  double alpha() const;
  double correction() const;

  double demand_ = 0;      // smoothed non-zero demand size
  double interval_ = 0;    // smoothed periods between demands
  long long demands_ = 0;  // non-zero periods seen
  long long sinceLast_ = 0;  // periods since the last demand (or the start)
};

ModelInfo crostonModelInfo();

}  // namespace foresight
