// A fitted ETS model: its form, parameters, states and goodness of fit -
// everything forecasting, updating and saving need.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "engine/models/ets/EtsForm.h"
#include "engine/models/ets/EtsParameters.h"

namespace foresight {

enum class EtsOrigin {
  Estimated,  // maximum likelihood (or R's other criteria) over parameters and initial states
  Simple,     // R's HoltWintersZZ: simple initial states, least squares smoothing (short series)
  Constant,   // a constant series: R's ses(alpha = 0.99999, initial = "simple")
};

struct EtsModel {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  EtsForm form;
  int period = 1;  // m of the seasonal states (1 without a season)
  EtsParameters params;
  EtsOrigin origin = EtsOrigin::Estimated;
  std::vector<double> initialState;  // R's layout, all m seasonal states
  std::vector<double> finalState;    // after the last observation
  std::vector<double> residuals;     // innovations: y - f, or (y - f) / f with M errors
  std::vector<double> fitted;        // one-step forecasts

  double lik = kNaN;      // R's criterion -2 log L + const
  double logLik = kNaN;   // -lik / 2, as R reports it
  double aic = kNaN, aicc = kNaN, bic = kNaN;
  double sigma2 = kNaN;   // sum(residuals^2) / (n - number of parameters)
  int nparams = 0;        // estimated parameters incl. initial states and sigma (R's np for the ICs)
  int evaluations = 0;    // objective evaluations the optimiser used
  bool converged = true;  // false when the optimiser hit its evaluation limit

  // Number of smoothing parameters the form has (alpha, beta, gamma, phi).
  int smoothingCount() const {
    return 1 + (form.hasTrend() ? 1 : 0) + (form.hasSeason() ? 1 : 0) + (form.damped ? 1 : 0);
  }
};

}  // namespace foresight
