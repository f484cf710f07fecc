#include "engine/models/arima/ArimaKalmanFilter.h"

#include <algorithm>  // std::fill, std::max
#include <cmath>      // std::log, std::sqrt, std::isnan, std::abs
#include <limits>

namespace foresight::arima {

namespace {
// Innovation variances at or above this (in units of sigma2) belong to the
// diffuse start of the differencing states and are left out of the
// likelihood, as in R.
constexpr double kDiffuseGain = 1e4;
// The filtered covariance counts as converged when no entry moved by more
// than this fraction of the innovation variance: rounding noise (about
// 1e-16) is below it, so freezing the gain there changes the likelihood by
// less than 1e-14 relative.
constexpr double kSteadyTolerance = 1e-15;
}  // namespace

void ArimaKalmanFilter::predictCovariance(const Shape& s, const double* P, double* Pnew) {
  const int r = s.r, d = s.d, rd = r + d, p = s.p, q = s.q;
  const double* phi = s.phi;
  const double* theta = s.theta;
  const double* delta = s.delta;
  if (d == 0) {
    // Symmetric: the upper triangle, mirrored.
    for (int j = 0; j < r; ++j) {
      const double vj = j == 0 ? 1.0 : (j - 1 < q ? theta[j - 1] : 0.0);
      for (int i = 0; i <= j; ++i) {
        double tmp = i == 0 ? vj : (i - 1 < q ? vj * theta[i - 1] : 0.0);
        if (i < p && j < p) tmp += phi[i] * phi[j] * P[0];
        if (i < r - 1 && j < r - 1) tmp += P[i + 1 + r * (j + 1)];
        if (i < p && j < r - 1) tmp += phi[i] * P[j + 1];
        if (j < p && i < r - 1) tmp += phi[j] * P[i + 1];
        Pnew[i + r * j] = tmp;
        Pnew[j + r * i] = tmp;
      }
    }
    return;
  }
  double* mm = mm_.data();
  // mm = T P; terms with a zero differencing coefficient add nothing.
  for (int j = 0; j < rd; ++j) {
    const double* Pj = P + rd * j;
    double* mmj = mm + rd * j;
    for (int i = 0; i < r; ++i) {
      double tmp = 0.0;
      if (i < p) tmp += phi[i] * Pj[0];
      if (i < r - 1) tmp += Pj[i + 1];
      mmj[i] = tmp;
    }
    double tmp = Pj[0];
    for (int k : deltaLags_) tmp += delta[k] * Pj[r + k];
    mmj[r] = tmp;
    for (int i = 1; i < d; ++i) mmj[r + i] = Pj[r + i - 1];
  }
  // Pnew = mm T'
  for (int i = 0; i < r; ++i) {
    double* col = Pnew + rd * i;
    const double* next = mm + rd * (i + 1);
    for (int j = 0; j < rd; ++j) {
      double tmp = 0.0;
      if (i < p) tmp += phi[i] * mm[j];
      if (i < r - 1) tmp += next[j];
      col[j] = tmp;
    }
  }
  for (int j = 0; j < rd; ++j) {
    double tmp = mm[j];
    for (int k : deltaLags_) tmp += delta[k] * mm[rd * (r + k) + j];
    Pnew[rd * r + j] = tmp;
  }
  for (int i = 1; i < d; ++i)
    for (int j = 0; j < rd; ++j) Pnew[rd * (r + i) + j] = mm[rd * (r + i - 1) + j];
  // + (1, theta)(1, theta)'
  for (int i = 0; i <= q; ++i) {
    const double vi = i == 0 ? 1.0 : theta[i - 1];
    for (int j = 0; j <= q; ++j) Pnew[i + rd * j] += vi * (j == 0 ? 1.0 : theta[j - 1]);
  }
}

// Once the filtered covariance has converged, every later step has the same
// gain: the covariance recursions are skipped from then on.
void ArimaKalmanFilter::filter(const Shape& s, const double* y, int from, int to, double* a, double* P, double* Pnew,
                               int skipUntil, KalmanSums& sums, double* residuals) {
  const int r = s.r, d = s.d, rd = r + d, p = s.p;
  const double* phi = s.phi;
  const double* delta = s.delta;
  double* anew = anew_.data();
  double* M = M_.data();
  bool steady = false;
  double gain = 0.0, logGain = 0.0;
  for (int l = from; l < to; ++l) {
    // Predict the state: anew = T a.
    for (int i = 0; i < r; ++i) {
      double tmp = i < r - 1 ? a[i + 1] : 0.0;
      if (i < p) tmp += phi[i] * a[0];
      anew[i] = tmp;
    }
    if (d > 0) {
      for (int i = r + 1; i < rd; ++i) anew[i] = a[i - 1];
      double tmp = a[0];
      for (int k : deltaLags_) tmp += delta[k] * a[r + k];
      anew[r] = tmp;
    }
    const bool observed = !std::isnan(y[l]);
    if (steady && !observed) steady = false;  // a gap changes the covariance
    if (!steady) {
      if (l > skipUntil) predictCovariance(s, P, Pnew);
      if (observed) {
        for (int i = 0; i < rd; ++i) {
          double tmp = Pnew[i];
          for (int k : deltaLags_) tmp += Pnew[i + (r + k) * rd] * delta[k];
          M[i] = tmp;
        }
        gain = M[0];
        for (int k : deltaLags_) gain += delta[k] * M[r + k];
        logGain = std::log(gain);
      }
    }
    if (observed) {
      double resid = y[l] - anew[0];
      for (int k : deltaLags_) resid -= delta[k] * anew[r + k];
      if (gain < kDiffuseGain) {
        ++sums.used;
        sums.ssq += resid * resid / gain;
        sums.sumLog += logGain;
      }
      if (residuals) residuals[l] = resid / std::sqrt(gain);
      for (int i = 0; i < rd; ++i) a[i] = anew[i] + M[i] * resid / gain;
      if (!steady) {
        double change = 0.0;
        for (int j = 0; j < rd; ++j)
          for (int i = 0; i <= j; ++i) {
            const double v = Pnew[i + j * rd] - M[i] * M[j] / gain;
            change = std::max(change, std::abs(v - P[i + j * rd]));
            P[i + j * rd] = v;
            P[j + i * rd] = v;
          }
        steady = l > from && l > skipUntil && change <= kSteadyTolerance * gain;
      }
    } else {
      for (int i = 0; i < rd; ++i) a[i] = anew[i];
      for (int i = 0; i < rd * rd; ++i) P[i] = Pnew[i];
      if (residuals) residuals[l] = std::numeric_limits<double>::quiet_NaN();
    }
  }
}

KalmanSums ArimaKalmanFilter::run(const double* y, int n, ArimaStateSpace& mod, int skipUntil, double* residuals) {
  const int rd = mod.rd(), d = mod.d(), r = rd - d;
  const auto size = static_cast<std::size_t>(rd);
  if (anew_.size() != size) {
    anew_.assign(size, 0.0);
    M_.assign(size, 0.0);
    mm_.assign(size * size, 0.0);
  }
  deltaLags_.clear();
  for (int k = 0; k < d; ++k)
    if (mod.delta[static_cast<std::size_t>(k)] != 0.0) deltaLags_.push_back(k);
  Shape full{r, d, mod.phi.data(), static_cast<int>(mod.phi.size()), mod.theta.data(),
             static_cast<int>(mod.theta.size()), mod.delta.data()};
  KalmanSums sums;

  bool allObserved = true;
  for (int l = 0; l < n && allObserved; ++l) allObserved = !std::isnan(y[l]);
  if (d == 0 || !allObserved || skipUntil != 0 || n <= d + 1) {
    filter(full, y, 0, n, mod.a.data(), mod.P.data(), mod.Pn.data(), skipUntil, sums, residuals);
    return sums;
  }
  // The diffuse start on the full state, through observation d (0-based):
  // then y_0..y_d are known and the differencing states carry no variance.
  filter(full, y, 0, d + 1, mod.a.data(), mod.P.data(), mod.Pn.data(), skipUntil, sums, residuals);
  const auto rr = static_cast<std::size_t>(r);
  armaA_.assign(mod.a.begin(), mod.a.begin() + r);
  armaP_.resize(rr * rr);
  armaPn_.resize(rr * rr);
  for (int j = 0; j < r; ++j)
    for (int i = 0; i < r; ++i) armaP_[i + rr * j] = mod.P[i + size * j];
  w_.resize(static_cast<std::size_t>(n));
  for (int l = d + 1; l < n; ++l) {
    double v = y[l];
    for (int k : deltaLags_) v -= mod.delta[static_cast<std::size_t>(k)] * y[l - 1 - k];
    w_[l] = v;
  }
  deltaLags_.swap(savedLags_);  // the ARMA block has no differencing terms
  deltaLags_.clear();
  Shape arma{r, 0, full.phi, full.p, full.theta, full.q, nullptr};
  filter(arma, w_.data(), d + 1, n, armaA_.data(), armaP_.data(), armaPn_.data(), -1, sums, residuals);
  deltaLags_.swap(savedLags_);
  // Back to the full state: ARMA block, the last d observations before the
  // final one in the differencing states, no variance outside the block.
  std::fill(mod.P.begin(), mod.P.end(), 0.0);
  std::fill(mod.Pn.begin(), mod.Pn.end(), 0.0);
  for (int j = 0; j < r; ++j)
    for (int i = 0; i < r; ++i) {
      mod.P[i + size * j] = armaP_[i + rr * j];
      mod.Pn[i + size * j] = armaPn_[i + rr * j];
    }
  for (int i = 0; i < r; ++i) mod.a[static_cast<std::size_t>(i)] = armaA_[static_cast<std::size_t>(i)];
  for (int i = 0; i < d; ++i) mod.a[static_cast<std::size_t>(r + i)] = y[n - 2 - i];
  return sums;
}

}  // namespace foresight::arima
