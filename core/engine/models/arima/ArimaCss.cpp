#include "engine/models/arima/ArimaCss.h"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::isnan
#include <limits>     // quiet_NaN

namespace foresight::arima {

void ArimaCss::difference(const ArimaOrder& order, double* w, int n) {
  for (int i = 0; i < order.d; ++i)
    for (int l = n - 1; l > 0; --l) w[l] -= w[l - 1];
  const int ns = order.period;
  for (int i = 0; i < order.D; ++i)
    for (int l = n - 1; l >= ns; --l) w[l] -= w[l - ns];
}

void ArimaCss::setDifferenced(const double* w, int n) {
  w_.assign(w, w + n);
  resid_.assign(static_cast<std::size_t>(n), 0.0);
}

// The MA recursion with its (few) lags and coefficients held in registers.
template <int K>
void ArimaCss::maRecursion(double* resid, int from, int n) const {
  int lag[K];
  double coef[K];
  for (int j = 0; j < K; ++j) {
    lag[j] = maLags_[static_cast<std::size_t>(j)];
    coef[j] = maCoef_[static_cast<std::size_t>(j)];
  }
  for (int l = from; l < n; ++l) {
    double tmp = resid[l];
    for (int j = K - 1; j >= 0; --j) tmp -= coef[j] * resid[l - lag[j]];
    resid[l] = tmp;
  }
}

double ArimaCss::meanSquare(const double* phi, int p, const double* theta, int q, int ncond, double* residuals) {
  const int n = static_cast<int>(w_.size());
  const double* w = w_.data();
  double* resid = resid_.data();
  // Seasonal polynomials are mostly zeros; skipping them changes no sum.
  arLags_.clear();
  arCoef_.clear();
  maLags_.clear();
  maCoef_.clear();
  for (int j = 0; j < p; ++j)
    if (phi[j] != 0.0) {
      arLags_.push_back(j + 1);
      arCoef_.push_back(phi[j]);
    }
  for (int j = 0; j < q; ++j)
    if (theta[j] != 0.0) {
      maLags_.push_back(j + 1);
      maCoef_.push_back(theta[j]);
    }
  const auto na = arLags_.size(), nm = maLags_.size();

  for (int l = 0; l < std::min(ncond, n); ++l) resid[l] = 0.0;
  // The AR part of every residual first (independent across l, so it
  // vectorises), then the MA recursion.
  for (int l = ncond; l < n; ++l) resid[l] = w[l];
  for (std::size_t j = 0; j < na; ++j) {
    const double c = arCoef_[j];
    const int lag = arLags_[j];
    for (int l = ncond; l < n; ++l) resid[l] -= c * w[l - lag];
  }
  // Innovations before ncond count as zero: lags beyond l - ncond are left out.
  const int warm = std::min(n, ncond + q);
  for (int l = ncond; l < warm; ++l) {
    double tmp = resid[l];
    const int maxLag = std::min(l - ncond, q);
    for (std::size_t j = 0; j < nm && maLags_[j] <= maxLag; ++j) tmp -= maCoef_[j] * resid[l - maLags_[j]];
    resid[l] = tmp;
  }
  // Past the start, the longest lags go first: only the last term waits for
  // the previous residual, which keeps the recursion off the critical path
  // (the sum differs from R's order only in rounding).
  const int from = std::max(warm, ncond);
  switch (nm) {
    case 0: break;
    case 1: maRecursion<1>(resid, from, n); break;
    case 2: maRecursion<2>(resid, from, n); break;
    case 3: maRecursion<3>(resid, from, n); break;
    case 4: maRecursion<4>(resid, from, n); break;
    default:
      for (int l = from; l < n; ++l) {
        double tmp = resid[l];
        for (std::size_t j = nm; j-- > 0;) tmp -= maCoef_[j] * resid[l - maLags_[j]];
        resid[l] = tmp;
      }
  }
  double ssq = 0.0;
  int used = 0;
  for (int l = ncond; l < n; ++l) {
    const double tmp = resid[l];
    if (!std::isnan(tmp)) {
      ++used;
      ssq += tmp * tmp;
    }
  }
  if (residuals)
    for (int l = 0; l < n; ++l) residuals[l] = resid[l];
  if (used == 0) return std::numeric_limits<double>::quiet_NaN();  // R: 0/0
  return ssq / static_cast<double>(used);
}

}  // namespace foresight::arima
