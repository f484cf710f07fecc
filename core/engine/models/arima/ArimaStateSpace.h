// The state-space form of an ARIMA model as R's stats::makeARIMA builds it
// (Harvey's representation of the ARMA part plus the differencing states),
// holding the filter's current state, and R's KalmanForecast on it.
#pragma once

#include <vector>

namespace foresight::arima {

struct ArimaStateSpace {
  std::vector<double> phi;    // expanded AR polynomial (length p)
  std::vector<double> theta;  // expanded MA polynomial, zero-padded to r - 1
  std::vector<double> delta;  // differencing polynomial: y_t = sum delta_i y_{t-i} + w_t
  std::vector<double> a;      // state (length rd = r + d)
  std::vector<double> P;      // filtered state covariance (rd x rd, column-major)
  std::vector<double> Pn;     // predicted covariance; before filtering, the prior

  int rd() const { return static_cast<int>(a.size()); }
  int d() const { return static_cast<int>(delta.size()); }
  int r() const { return rd() - d(); }
};

// R's makeARIMA(phi, theta, Delta, kappa): zero state, the stationary
// covariance (Gardner 1980) for the ARMA block and kappa for the diffuse
// differencing states.
ArimaStateSpace makeStateSpace(std::vector<double> phi, std::vector<double> theta, std::vector<double> delta,
                               double kappa);

// The differencing polynomial of (1 - B)^d (1 - B^m)^D as R's arima builds
// Delta: coefficients of y_{t-1}, y_{t-2}, ... (length d + m D).
std::vector<double> differencingPolynomial(int d, int D, int period);

// R's KalmanForecast: h-step means of the state-space observation and their
// variances in units of the innovation variance. Does not change `model`.
void kalmanForecast(const ArimaStateSpace& model, int horizon, double* mean, double* variance);

}  // namespace foresight::arima
