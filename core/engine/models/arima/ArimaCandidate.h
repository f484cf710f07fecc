// One candidate model of the auto_arima search with its score (R's
// information criterion as myarima() computes it; infinite for a model R
// would not accept) and the pending part of R's acceptance check.
#pragma once

#include <Eigen/Core>
#include <functional>
#include <limits>
#include <optional>

#include "engine/models/arima/ArimaEstimator.h"

namespace foresight::arima {

enum class InformationCriterion { Aicc, Aic, Bic };

struct ArimaCandidate {
  ArimaOrder order;
  bool constant = false;  // mean (d + D = 0) or drift (d + D = 1)
  double score = std::numeric_limits<double>::infinity();  // the chosen criterion
  std::optional<ArimaEstimate> fit;  // absent when the fit failed (or in a record)
  // R's checkarima needs the coefficient covariance (a numerical Hessian);
  // it is left pending until the candidate's place in the search depends on
  // it. check() settles it: an infinite score for a singular Hessian or a
  // negative variance. The score is final once `checked`.
  std::function<Eigen::MatrixXd()> variance;
  bool checked = true;

  void check();
  // The candidate without its fit (what the search keeps of every model).
  ArimaCandidate record() const;
};

}  // namespace foresight::arima
