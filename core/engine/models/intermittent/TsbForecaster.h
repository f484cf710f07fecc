// tsb: the Teunter-Syntetos-Babai (2011) method for intermittent demand.
// Unlike Croston it smooths the probability of a demand every period (a
// period without demand lowers it), and the size of a demand when one
// occurs; the forecast is probability x size. A product that stops selling
// sees its forecast decay towards 0 instead of keeping its old rate.
//
// Starts as statsforecast's TSB: the probability at the first period's
// indicator, the size at the first demand. alpha_d and alpha_p are fixed
// when given, else chosen by least squares on the one-step errors (both:
// Nelder-Mead from (0.1, 0.1) as R's optim(); one: Brent on [0, 1] as R's
// optimize()). Intervals are empirical (EmpiricalErrors.h).
#pragma once

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"

namespace foresight {

class TsbForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "tsb"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  struct State {
    double probability = 0;  // smoothed share of periods with a demand
    double size = 0;         // smoothed non-zero demand
    bool seen = false;       // a demand has occurred
    double rate() const { return seen ? probability * size : 0.0; }
  };
  // The state after y with the given smoothing; fitted (if not null) gets the
  // one-step forecasts (NaN at 0). Returns the sum of squared errors.
  static double run(const Eigen::VectorXd& y, double alphaD, double alphaP, State& state, Eigen::VectorXd* fitted);
  static void step(State& s, double y, double alphaD, double alphaP);

  double alphaD_ = 0, alphaP_ = 0;  // as used (given or optimised)
  State state_;
};

ModelInfo tsbModelInfo();

}  // namespace foresight
