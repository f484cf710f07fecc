// The Kalman filter of R's stats::arima (ARIMA_Like): the exact Gaussian
// likelihood of an ARIMA model through its state-space form, exploiting the
// sparse transition matrix. The workspace is kept between runs, so the loop
// over observations never allocates.
//
// Two shortcuts keep the work down without changing what is computed (in
// exact arithmetic): once d + 1 observations have been seen, the differencing
// states hold known past values (zero variance), so the filter continues on
// the ARMA block alone with the differenced observations; and once the
// filtered covariance has converged (to rounding), the covariance recursion
// stops.
#pragma once

#include <vector>

#include "engine/models/arima/ArimaStateSpace.h"

namespace foresight::arima {

struct KalmanSums {
  double ssq = 0.0;     // sum of squared standardised innovations
  double sumLog = 0.0;  // sum of log innovation variances
  int used = 0;         // observations counted (diffuse ones left out)
};

class ArimaKalmanFilter {
 public:
  // Filters y[0..n) (NaN = missing) starting from model.a / model.Pn,
  // updating model.a, model.P (and model.Pn) in place. The prediction step
  // for the covariance is skipped while t <= skipUntil (R's sUP: 0 when
  // starting from the prior, -1 when continuing a filtered state). When
  // `residuals` is given it receives the standardised innovations.
  KalmanSums run(const double* y, int n, ArimaStateSpace& model, int skipUntil, double* residuals = nullptr);

  // The dimensions and polynomials of the state space being filtered.
  struct Shape {
    int r = 0, d = 0;
    const double* phi = nullptr;
    int p = 0;
    const double* theta = nullptr;
    int q = 0;
    const double* delta = nullptr;
  };

 private:
  // Pnew = T P T' + V (R's two branches).
  void predictCovariance(const Shape& s, const double* P, double* Pnew);
  // Filters y[from..to) on a state (a, P, Pnew) of the given shape.
  void filter(const Shape& s, const double* y, int from, int to, double* a, double* P, double* Pnew, int skipUntil,
              KalmanSums& sums, double* residuals);

  std::vector<double> anew_, M_, mm_;
  std::vector<int> deltaLags_, savedLags_;  // the non-zero terms of the differencing polynomial
  std::vector<double> w_, armaA_, armaP_, armaPn_;
};

}  // namespace foresight::arima
