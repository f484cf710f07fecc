// The covariance of the initial state of a stationary ARMA process in
// Harvey's state-space form. Small states use Gardner, Harvey & Phillips
// (1980, AS 154) exactly as R's stats::arima computes it (getQ0, SSinit =
// "Gardner1980"); its cost grows with r^6, so large (seasonal) states use
// the autocovariances of the process and the stationarity equation
// Q0 = T Q0 T' + V instead, which is O(p^3 + r^2) and agrees to rounding.
#pragma once

#include <vector>

namespace foresight::arima {

class StationaryCovariance {
 public:
  // Q0 (r x r, column-major, r = max(p, q + 1)) for AR coefficients phi[0..p)
  // and MA coefficients theta[0..q). The workspace is kept between calls of
  // the same size, so repeated calls during optimisation do not allocate.
  void compute(const double* phi, int p, const double* theta, int q, double* out);

  // The two methods, for tests and for choosing.
  void gardner(const double* phi, int p, const double* theta, int q, double* out);
  void fromAutocovariances(const double* phi, int p, const double* theta, int q, double* out);
  // States up to this size use Gardner's method (R's numbers exactly).
  static constexpr int kGardnerMaxState = 10;

 private:
  void resize(int r);
  // AS 154's INCLU2: Givens update of the regression by one row.
  void include(double ynext);

  int r_ = -1;
  std::vector<double> xnext_, xrow_, rbar_, thetab_, v_;
  double* d_ = nullptr;  // the diagonal being built (the output's storage)
  std::vector<double> system_, gamma_, psi_;
};

}  // namespace foresight::arima
