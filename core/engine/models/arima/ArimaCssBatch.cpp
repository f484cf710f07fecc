#include "engine/models/arima/ArimaCssBatch.h"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::isnan
#include <limits>     // quiet_NaN

namespace foresight::arima {

namespace {
// Lags where any point has a non-zero coefficient, with every point's
// coefficient there (a zero one then subtracts exactly nothing).
void collect(int K, const double* const* coef, int len, std::vector<int>& lags, std::vector<double>& table) {
  lags.clear();
  table.clear();
  for (int j = 0; j < len; ++j) {
    bool any = false;
    for (int k = 0; k < K; ++k) any = any || coef[k][j] != 0.0;
    if (!any) continue;
    lags.push_back(j + 1);
    for (int k = 0; k < K; ++k) table.push_back(coef[k][j]);
  }
}
}  // namespace

void ArimaCssBatch::meanSquares(int K, int n, const double* w, bool shared, const double* const* phi, int p,
                                const double* const* theta, int q, int ncond, double* out) {
  const auto uK = static_cast<std::size_t>(K);
  resid_.resize(static_cast<std::size_t>(n) * uK);
  collect(K, phi, p, arLags_, arCoef_);
  collect(K, theta, q, maLags_, maCoef_);
  double* R = resid_.data();
  const std::size_t na = arLags_.size(), nm = maLags_.size();
  auto W = [&](int l, int k) { return shared ? w[l] : w[static_cast<std::size_t>(l) * uK + static_cast<std::size_t>(k)]; };

  ssq_.assign(uK, 0.0);
  used_.assign(uK, 0);
  // One observation at a time for all K points (the row stays in the
  // first-level cache): AR terms by increasing lag; then the MA terms - in
  // the first q residuals only innovations after ncond, by increasing lag;
  // later the longest lags first - as ArimaCss.
  const int warm = std::min(n, ncond + q);
  for (int l = ncond; l < n; ++l) {
    double* now = R + l * K;
    for (int k = 0; k < K; ++k) now[k] = W(l, k);
    for (std::size_t j = 0; j < na; ++j) {
      const double* c = arCoef_.data() + j * uK;
      const int from = l - arLags_[j];
      if (shared) {
        const double v = w[from];
        for (int k = 0; k < K; ++k) now[k] -= c[k] * v;
      } else {
        const double* past = w + static_cast<std::size_t>(from) * uK;
        for (int k = 0; k < K; ++k) now[k] -= c[k] * past[k];
      }
    }
    if (l < warm) {
      for (std::size_t j = 0; j < nm && maLags_[j] <= l - ncond; ++j) {
        const double* c = maCoef_.data() + j * uK;
        const double* past = R + (l - maLags_[j]) * K;
        for (int k = 0; k < K; ++k) now[k] -= c[k] * past[k];
      }
    } else {
      for (std::size_t j = nm; j-- > 0;) {
        const double* c = maCoef_.data() + j * uK;
        const double* past = R + (l - maLags_[j]) * K;
        for (int k = 0; k < K; ++k) now[k] -= c[k] * past[k];
      }
    }
    for (int k = 0; k < K; ++k) {
      const double e = now[k];
      if (!std::isnan(e)) {
        ++used_[static_cast<std::size_t>(k)];
        ssq_[static_cast<std::size_t>(k)] += e * e;
      }
    }
  }
  for (std::size_t k = 0; k < uK; ++k)
    out[k] = used_[k] == 0 ? std::numeric_limits<double>::quiet_NaN() : ssq_[k] / static_cast<double>(used_[k]);
}

}  // namespace foresight::arima
