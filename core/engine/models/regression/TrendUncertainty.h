// Prediction intervals of calendar_regression as Prophet simulates them:
// future trend changes arrive at the rate changepoints were placed in the
// history, with Laplace slope changes of the fitted changes' mean size, and
// normal noise of the residual scale is added. Draws come from a counter
// seeded generator (SplitMix64) and inverse distribution functions, so the
// same seed gives the same intervals on every platform, and each path's
// draws run step by step: a shorter horizon gives the first steps of a
// longer one.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace foresight {

struct TrendUncertaintySettings {
  int samples = 1000;            // simulated paths
  std::uint64_t seed = 0;
  double changepointRate = 0;    // expected trend changes per period
  double laplaceScale = 0;       // scale of a change of slope (units per period per period)
  double sigma = 0;              // noise sd
};

class TrendUncertainty {
 public:
  // Quantiles (type 7, as R's and numpy's default) of the simulated
  // deviation from the point forecast, steps 1..horizon after the last
  // observation: a horizon x probabilities.size() matrix.
  static Eigen::MatrixXd deviationQuantiles(int horizon, const std::vector<double>& probabilities,
                                            const TrendUncertaintySettings& settings);
};

}  // namespace foresight
