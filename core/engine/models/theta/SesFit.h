// Simple exponential smoothing fitted as R's forecast::ses() fits it
// (ETS(A,N,N) by one-step MSE through the ETS engine), reduced to what the
// Theta method needs.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "engine/models/ets/EtsEstimator.h"

namespace foresight {

struct SesFit {
  double alpha = 0;
  double initialLevel = 0;
  double finalLevel = 0;   // the level after the last observation: every forecast
  double sigma2 = 0;       // sum of squared one-step errors / (n - 2), as R's ets()
  Eigen::VectorXd fitted;  // one-step forecasts

  // Fits x (finite, at least one value). Series too short for R's ses()
  // (fewer than three values, where R stops with an error) get a documented
  // fallback instead: the last value as level, alpha = 1, and the mean
  // squared difference (0 for one value) as sigma2. Notes go to `warnings`.
  // InputError when the values are too large for the squared errors to stay
  // finite (|y| around 1e150 and beyond). alphaStart picks which R
  // version's starting alpha the optimiser begins from.
  static SesFit fit(const Eigen::VectorXd& x, std::vector<std::string>& warnings,
                    EtsAlphaStart alphaStart = EtsAlphaStart::Current);
};

}  // namespace foresight
