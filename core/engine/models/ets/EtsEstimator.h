// Fits one ETS form by R's etsmodel(): starting values by initparam() and
// initstate(), then Nelder-Mead (2000 evaluations, R's tolerances) over the
// smoothing parameters and initial states, then the information criteria.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "engine/models/ets/EtsCriterion.h"
#include "engine/models/ets/EtsModel.h"
#include "engine/models/ets/EtsParameterSpace.h"

namespace foresight {

// Smoothing parameters the user fixed (R's alpha = , beta = , ...).
struct EtsFixed {
  std::optional<double> alpha, beta, gamma, phi;
};

// How R's initparam() picks the optimiser's starting alpha. The choice moves
// Nelder-Mead's path, so fits from different R versions can end a little
// apart on flat likelihoods.
enum class EtsAlphaStart {
  // forecast 8.3 and later (what ets() does today): lower + 0.2 (upper - lower) / m.
  Current,
  // forecast 8.2, which produced the published M4 benchmarks:
  // max(lower + 0.5 (upper - lower) / m, lower_beta + 2e-3).
  Forecast82,
};

struct EtsEstimationOptions {
  std::array<double, 4> lower{1e-4, 1e-4, 1e-4, 0.8};      // alpha, beta, gamma, phi
  std::array<double, 4> upper{0.9999, 0.9999, 0.9999, 0.98};
  EtsCriterion criterion = EtsCriterion::Likelihood;
  int nmse = 3;
  EtsBounds bounds = EtsBounds::Both;
  int maxEvaluations = 2000;
  EtsAlphaStart alphaStart = EtsAlphaStart::Current;
};

// A fitted model, or why the form could not be fitted (R's errors and its
// "not enough data" result, which ets() skips when searching).
struct EtsEstimate {
  std::optional<EtsModel> model;
  std::string failure;
};

class EtsEstimator {
 public:
  // period is the data's seasonal period (used only by seasonal forms).
  static EtsEstimate fit(const std::vector<double>& y, EtsForm form, int period, const EtsFixed& fixed,
                         const EtsEstimationOptions& options);

  // R's initparam(): starting values of the free parameters.
  static EtsParameters startingValues(EtsForm form, int m, const EtsFixed& fixed, std::array<double, 4> lower,
                                      std::array<double, 4> upper, EtsBounds bounds,
                                      EtsAlphaStart alphaStart = EtsAlphaStart::Current);
};

}  // namespace foresight
