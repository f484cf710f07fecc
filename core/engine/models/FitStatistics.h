// Goodness-of-fit numbers a model reports after fitting (NaN = not defined
// for this model, e.g. no likelihood for a moving average).
#pragma once

#include <limits>
#include <nlohmann/json.hpp>

namespace foresight {

struct FitStatistics {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double logLikelihood = kNaN;
  double aic = kNaN;
  double aicc = kNaN;
  double bic = kNaN;
  double sigma2 = kNaN;   // innovation variance on the model's error scale
  int nobs = 0;           // observations used by the likelihood
  int nparams = 0;        // estimated parameters, incl. initial states and sigma2

  nlohmann::json toJson() const;   // NaN written as null
  static FitStatistics fromJson(const nlohmann::json& j);
};

}  // namespace foresight
