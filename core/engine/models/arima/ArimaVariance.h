// The covariance matrix of the estimated ARIMA coefficients as stats::arima
// forms it: R's optimHess at the optimum times the observations used,
// inverted (through the Jacobian of the AR transformation when the
// optimiser worked on transformed parameters), rotated back when the
// regressors were rotated. It can be computed on demand: only auto_arima's
// acceptance check needs it, and only for candidates that could win.
#pragma once

#include <Eigen/Core>
#include <memory>
#include <vector>

#include "engine/models/arima/ArimaObjective.h"
#include "engine/models/arima/ArimaOrder.h"

namespace foresight::arima {

struct ArimaVarianceJob {
  std::shared_ptr<ArimaObjective> objective;
  std::vector<double> parscale;  // the optimiser's scales of the free coefficients
  std::vector<double> point;     // the optimum, in the optimiser's parametrisation
  bool css = false;              // the objective was the conditional sum of squares
  int ncond = 0;
  bool transform = false;        // AR parts were optimised in the unconstrained form
  ArimaOrder order;
  std::vector<double> coefficients;  // every coefficient, in the optimiser's parametrisation
  double nUsed = 0;
  Eigen::MatrixXd rotation;      // regressor rotation over all coefficients; empty when none

  // Throws ArimaFitError where R stops (a non-finite Hessian entry, a
  // singular Hessian).
  Eigen::MatrixXd operator()() const;
};

}  // namespace foresight::arima
