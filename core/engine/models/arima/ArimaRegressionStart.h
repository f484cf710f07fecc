// Starting values and scales of the regression coefficients of an ARIMA
// model (intercept, drift) as stats::arima takes them: least squares on the
// differenced data, optimiser scale ten standard errors; with several
// regressors, all free, the regressors are first rotated onto their right
// singular vectors so that the optimiser sees uncorrelated directions.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "engine/models/arima/ArimaOrder.h"

namespace foresight::arima {

struct RegressionStart {
  Eigen::MatrixXd xreg;      // the regressors the likelihood uses (rotated or not)
  Eigen::MatrixXd rotation;  // k x k: original coefficients = rotation * rotated ones
  bool rotated = false;
  std::vector<double> init;      // k starting values
  std::vector<double> parscale;  // k optimiser scales
};

// init/parscale are NaN (or parscale 0) where lm gives no usable estimate
// (rank deficiency, no residual degrees of freedom, an exact fit).
RegressionStart regressionStart(const Eigen::VectorXd& x, const Eigen::MatrixXd& xreg, const ArimaOrder& order,
                                bool rotate);

}  // namespace foresight::arima
