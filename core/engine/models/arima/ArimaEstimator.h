// Fits an ARIMA model the way R's stats::arima does: regression on the mean
// or drift handled inside the likelihood, conditional sum of squares for
// the starting values, then the exact Gaussian likelihood of the Kalman
// filter maximised by BFGS with stationary AR parts (partial autocorrelation
// transform) and invertible MA parts (roots reflected).
#pragma once

#include <Eigen/Core>
#include <functional>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/models/arima/ArimaOrder.h"
#include "engine/models/arima/ArimaStateSpace.h"

namespace foresight::arima {

enum class ArimaMethod { CssMl, Ml, Css };

std::string methodName(ArimaMethod m);  // "CSS-ML", "ML", "CSS"

struct ArimaRequest {
  ArimaOrder order;
  bool includeMean = true;  // an intercept, only when d + D == 0 (as R)
  Eigen::MatrixXd xreg;     // n x k further regressors (e.g. drift), may be empty
  std::vector<std::string> xregNames;
  ArimaMethod method = ArimaMethod::CssMl;
  // Coefficients held fixed (NaN = estimated), in the final layout: ar, ma,
  // sar, sma, intercept, xreg. Empty = all estimated.
  std::vector<double> fixed;
  double kappa = 1e6;  // prior variance of the diffuse differencing states
  // Leave the coefficient covariance (R's var.coef, from a numerical
  // Hessian) to be computed on demand through ArimaEstimate::variance.
  bool deferVariance = false;
  // Checked at every objective evaluation: one long seasonal ML fit stops
  // within an evaluation of Ctrl-C (CancelledError), not at its end.
  const CancellationToken* cancel = nullptr;
};

// What stats::arima returns.
struct ArimaEstimate {
  ArimaOrder order;
  ArimaMethod method = ArimaMethod::CssMl;
  std::vector<std::string> names;  // ar1.., ma1.., sar1.., sma1.., intercept, drift
  std::vector<double> coef;
  std::vector<bool> mask;          // true where estimated
  Eigen::MatrixXd varCoef;         // covariance of the estimated coefficients (unless deferred)
  // Computes varCoef on demand (throws ArimaFitError where R's solve or
  // optimHess stops); empty when nothing was estimated.
  std::function<Eigen::MatrixXd()> variance;
  double sigma2 = 0;               // stats::arima's innovation variance
  double loglik = 0;
  double aic = 0;                  // NaN for CSS
  int nUsed = 0;                   // observations minus differencing
  int ncond = 0;                   // conditioning observations (CSS)
  int convergence = 0;             // optim's code: 0 converged, 1 iteration limit
  ArimaStateSpace model;           // after filtering the data
  Eigen::VectorXd residuals;       // standardised innovations (CSS: conditional residuals)
  Eigen::MatrixXd xreg;            // the regressors used, intercept first

  int estimatedCount() const;
};

// R's coefficient names: ar1.., ma1.., sar1.., sma1.., then the regressors'.
std::vector<std::string> coefficientNames(const ArimaOrder& order, const std::vector<std::string>& xregNames);

// x: the series (NaN = missing). Throws ArimaFitError where R stops with an
// error; InputError for an impossible request.
ArimaEstimate estimateArima(const Eigen::VectorXd& x, const ArimaRequest& request);

}  // namespace foresight::arima
