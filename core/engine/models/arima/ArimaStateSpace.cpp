#include "engine/models/arima/ArimaStateSpace.h"

#include <algorithm>  // std::max

#include "engine/models/arima/StationaryCovariance.h"

namespace foresight::arima {

std::vector<double> differencingPolynomial(int d, int D, int period) {
  // Multiply out (1 - B)^d (1 - B^m)^D, then drop the leading 1 and negate.
  std::vector<double> poly{1.0};
  auto times = [&poly](const std::vector<double>& f) {
    std::vector<double> out(poly.size() + f.size() - 1, 0.0);
    for (std::size_t i = 0; i < poly.size(); ++i)
      for (std::size_t j = 0; j < f.size(); ++j) out[i + j] += poly[i] * f[j];
    poly = std::move(out);
  };
  for (int i = 0; i < d; ++i) times({1.0, -1.0});
  std::vector<double> seasonal(static_cast<std::size_t>(period) + 1, 0.0);
  for (std::size_t i = 0; i < seasonal.size(); ++i) seasonal[i] = i == 0 ? 1.0 : (i == seasonal.size() - 1 ? -1.0 : 0.0);
  for (int i = 0; i < D; ++i) times(seasonal);
  std::vector<double> delta(poly.size() - 1);
  for (std::size_t i = 1; i < poly.size(); ++i) delta[i - 1] = -poly[i];
  return delta;
}

ArimaStateSpace makeStateSpace(std::vector<double> phi, std::vector<double> theta, std::vector<double> delta,
                               double kappa) {
  ArimaStateSpace m;
  const int p = static_cast<int>(phi.size()), q = static_cast<int>(theta.size());
  const int r = std::max(p, q + 1), d = static_cast<int>(delta.size()), rd = r + d;
  if (q < r - 1) theta.resize(static_cast<std::size_t>(r - 1), 0.0);
  m.phi = std::move(phi);
  m.theta = std::move(theta);
  m.delta = std::move(delta);
  m.a.assign(static_cast<std::size_t>(rd), 0.0);
  m.P.assign(static_cast<std::size_t>(rd * rd), 0.0);
  m.Pn.assign(static_cast<std::size_t>(rd * rd), 0.0);
  std::vector<double> q0(static_cast<std::size_t>(r * r));
  StationaryCovariance().compute(m.phi.data(), p, m.theta.data(), static_cast<int>(m.theta.size()), q0.data());
  for (int j = 0; j < r; ++j)
    for (int i = 0; i < r; ++i) m.Pn[i + rd * j] = q0[i + r * j];
  for (int i = r; i < rd; ++i) m.Pn[i + rd * i] = kappa;
  return m;
}

// Dense T, V and Z as makeARIMA builds them; the forecast is not hot, so the
// plain products of R's KalmanFore are used for fidelity.
void kalmanForecast(const ArimaStateSpace& model, int horizon, double* mean, double* variance) {
  const int rd = model.rd(), r = model.r(), d = model.d(), p = static_cast<int>(model.phi.size());
  const auto n = static_cast<std::size_t>(rd);
  std::vector<double> T(n * n, 0.0), V(n * n, 0.0), Z(n, 0.0), R(n, 0.0);
  for (int i = 0; i < rd; ++i) Z[i] = i == 0 ? 1.0 : (i >= r ? model.delta[i - r] : 0.0);
  for (int i = 0; i < p; ++i) T[i] = model.phi[i];
  for (int i = 1; i < r; ++i) T[(i - 1) + rd * i] = 1.0;
  if (d > 0) {
    for (int j = 0; j < rd; ++j) T[r + rd * j] = Z[j];
    for (int i = 1; i < d; ++i) T[(r + i) + rd * (r + i - 1)] = 1.0;
  }
  for (int i = 0; i < r; ++i) R[i] = i == 0 ? 1.0 : (i - 1 < static_cast<int>(model.theta.size()) ? model.theta[i - 1] : 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) V[i + n * j] = R[i] * R[j];

  std::vector<double> a = model.a, P = model.P, anew(n), Pnew(n * n), mm(n * n);
  for (int l = 0; l < horizon; ++l) {
    double fc = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      double tmp = 0.0;
      for (std::size_t k = 0; k < n; ++k) tmp += T[i + n * k] * a[k];
      anew[i] = tmp;
      fc += tmp * Z[i];
    }
    a = anew;
    mean[l] = fc;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) {
        double tmp = 0.0;
        for (std::size_t k = 0; k < n; ++k) tmp += T[i + n * k] * P[k + n * j];
        mm[i + n * j] = tmp;
      }
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) {
        double tmp = V[i + n * j];
        for (std::size_t k = 0; k < n; ++k) tmp += mm[i + n * k] * T[j + n * k];
        Pnew[i + n * j] = tmp;
      }
    double var = 0.0;  // h = 0 for ARIMA
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) {
        P[i + n * j] = Pnew[i + n * j];
        var += Z[i] * Z[j] * P[i + n * j];
      }
    variance[l] = var;
  }
}

}  // namespace foresight::arima
