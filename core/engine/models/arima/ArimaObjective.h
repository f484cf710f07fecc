// The two objectives stats::arima minimises over the free coefficients:
// the concentrated exact Gaussian log-likelihood through the Kalman filter
// (R's armafn) and the conditional sum of squares (R's armaCSS). One object
// per fit keeps every buffer, so evaluations during optimisation do not
// allocate.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "engine/models/arima/ArimaCss.h"
#include "engine/models/arima/ArimaCssBatch.h"
#include "engine/models/arima/ArimaKalmanFilter.h"
#include "engine/models/arima/ArimaOrder.h"
#include "engine/models/arima/ArimaStateSpace.h"
#include "engine/models/arima/StationaryCovariance.h"

namespace foresight::arima {

class ArimaObjective {
 public:
  // x: the series (NaN = missing); xreg: n x k regressors (may be 0 columns);
  // fixed: narma + k values, NaN where the coefficient is free.
  ArimaObjective(const ArimaOrder& order, const Eigen::VectorXd& x, const Eigen::MatrixXd& xreg,
                 std::vector<double> fixed, std::vector<double> delta, double kappa);

  int freeCount() const { return static_cast<int>(free_.size()); }
  const std::vector<int>& freeIndex() const { return free_; }

  // 0.5 * (log(ssq / nu) + sumlog / nu) at the free coefficients; AR parts
  // in the unconstrained parametrisation when `transform`.
  double exactObjective(const double* freeValues, bool transform);
  // 0.5 * log(conditional mean square) at the free coefficients.
  double cssObjective(const double* freeValues, int ncond);
  // The same at `count` points at once (the same values as cssObjective).
  void cssObjectives(int count, const double* const* freeValues, int ncond, double* out);

  // The full coefficient vector for free values (fixed ones filled in).
  std::vector<double> fullCoefficients(const double* freeValues) const;
  // The series minus the regression part for the full coefficient vector.
  Eigen::VectorXd regressionResiduals(const std::vector<double>& coef) const;
  // Filters the data with the (untransformed) full coefficient vector from
  // a fresh state space; returns the sums and fills the filtered model and
  // the standardised residuals (R's arimaSS).
  KalmanSums filter(const std::vector<double>& coef, ArimaStateSpace& model, Eigen::VectorXd& residuals);
  // The conditional residuals and mean square for the full coefficient vector.
  double cssResiduals(const std::vector<double>& coef, int ncond, Eigen::VectorXd& residuals);

 private:
  void loadFree(const double* freeValues);
  const double* seriesMinusRegression();
  // The differenced series minus the differenced regression, into css_.
  void differencedMinusRegression(const double* coef);

  ArimaOrder order_;
  Eigen::VectorXd x_;
  Eigen::MatrixXd xreg_;
  std::vector<double> fixed_, par_, scratch_, work_;
  Eigen::VectorXd dx_;   // the differenced series (R's ARIMA_CSS does this per call)
  Eigen::MatrixXd dxreg_;  // the differenced regressors
  std::vector<int> free_;
  std::vector<double> q0_;
  double kappa_;
  ArimaStateSpace model_;
  StationaryCovariance covariance_;
  ArimaKalmanFilter filter_;
  ArimaCss css_;
  ArimaCssBatch cssBatch_;
  std::vector<double> batchPar_, batchPhi_, batchTheta_, batchW_, batchOut_, batchB_;
  std::vector<const double*> phiRows_, thetaRows_;
};

}  // namespace foresight::arima
