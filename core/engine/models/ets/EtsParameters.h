// Smoothing parameters of an ETS model in R's convention: beta = 0 without a
// trend, gamma = 0 without a season, phi = 1 without damping.
#pragma once

namespace foresight {

struct EtsParameters {
  double alpha = 0;  // level
  double beta = 0;   // trend (the state space beta, not Holt's beta* = beta / alpha)
  double gamma = 0;  // season
  double phi = 1;    // damping
};

}  // namespace foresight
