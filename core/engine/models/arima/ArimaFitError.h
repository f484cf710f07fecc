// Thrown where R's stats::arima stops with an error (non-stationary AR start
// from CSS, singular Hessian, non-finite likelihood...). Callers turn it into
// a fallback with a warning (the arima model) or skip the candidate
// (auto_arima, as R's auto.arima does).
#pragma once

#include "engine/common/Errors.h"

namespace foresight::arima {

class ArimaFitError : public Error {
 public:
  using Error::Error;
};

}  // namespace foresight::arima
