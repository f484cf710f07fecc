#include "engine/models/arima/ArimaCssBatch.h"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::isnan
#include <limits>     // quiet_NaN

namespace foresight::arima {

namespace {

// Lags where any point has a non-zero coefficient, with every point's
// coefficient there (a zero one then subtracts exactly nothing); rows padded
// to `stride` points with copies of the last one.
void collect(int K, int stride, const double* const* coef, int len, std::vector<int>& lags,
             std::vector<double>& table) {
  lags.clear();
  table.clear();
  for (int j = 0; j < len; ++j) {
    bool any = false;
    for (int k = 0; k < K; ++k) any = any || coef[k][j] != 0.0;
    if (!any) continue;
    lags.push_back(j + 1);
    for (int k = 0; k < stride; ++k) table.push_back(coef[std::min(k, K - 1)][j]);
  }
}

struct Work {
  int n, ncond, q;
  const double* w;  // shared series, or one per point with the row stride
  bool shared;
  const std::vector<int>& arLags;
  const double* arCoef;
  const std::vector<int>& maLags;
  const double* maCoef;
  double* R;
  double* ssq;
  int* used;
};

// One observation at a time for all points (the row stays in the
// first-level cache): AR terms by increasing lag; then the MA terms - in the
// first q residuals only innovations after ncond, by increasing lag; later
// the longest lags first - as ArimaCss. S > 0 fixes the row width at compile
// time, so the loops over the points unroll into vector code without
// remainders; S = 0 takes it from `width`.
template <int S>
void kernel(const Work& x, int width) {
  const int K = S > 0 ? S : width;
  const std::size_t na = x.arLags.size(), nm = x.maLags.size();
  const int warm = std::min(x.n, x.ncond + x.q);
  double* __restrict R = x.R;
  const double* __restrict w = x.w;
  // Sums kept apart from the residual rows (no aliasing: registers).
  constexpr int kLocal = S > 0 ? S : 1;
  double ssq[kLocal] = {};
  int used[kLocal] = {};
  double* sums = S > 0 ? ssq : x.ssq;
  int* counts = S > 0 ? used : x.used;
  for (int l = x.ncond; l < x.n; ++l) {
    double* __restrict now = R + l * K;
    if (x.shared) {
      const double v = w[l];
      for (int k = 0; k < K; ++k) now[k] = v;
      for (std::size_t j = 0; j < na; ++j) {
        const double* __restrict c = x.arCoef + j * static_cast<std::size_t>(K);
        const double past = w[l - x.arLags[j]];
        for (int k = 0; k < K; ++k) now[k] -= c[k] * past;
      }
    } else {
      const double* __restrict row = w + l * K;
      for (int k = 0; k < K; ++k) now[k] = row[k];
      for (std::size_t j = 0; j < na; ++j) {
        const double* __restrict c = x.arCoef + j * static_cast<std::size_t>(K);
        const double* __restrict past = w + (l - x.arLags[j]) * K;
        for (int k = 0; k < K; ++k) now[k] -= c[k] * past[k];
      }
    }
    auto ma = [&](std::size_t j) {
      const double* __restrict c = x.maCoef + j * static_cast<std::size_t>(K);
      const double* __restrict past = R + (l - x.maLags[j]) * K;
      for (int k = 0; k < K; ++k) now[k] -= c[k] * past[k];
    };
    if (l < warm) {
      for (std::size_t j = 0; j < nm && x.maLags[j] <= l - x.ncond; ++j) ma(j);
    } else {
      for (std::size_t j = nm; j-- > 0;) ma(j);
    }
    for (int k = 0; k < K; ++k) {
      const double e = now[k];
      if (!std::isnan(e)) {
        ++counts[k];
        sums[k] += e * e;
      }
    }
  }
  if (S > 0)
    for (int k = 0; k < K; ++k) {
      x.ssq[k] = sums[k];
      x.used[k] = counts[k];
    }
}

}  // namespace

void ArimaCssBatch::meanSquares(int K, int n, const double* w, bool shared, const double* const* phi, int p,
                                const double* const* theta, int q, int ncond, double* out) {
  // Rows of a multiple of four points (padded with copies of the last).
  const int stride = (K + 3) / 4 * 4;
  const auto uS = static_cast<std::size_t>(stride), un = static_cast<std::size_t>(n);
  resid_.resize(un * uS);
  collect(K, stride, phi, p, arLags_, arCoef_);
  collect(K, stride, theta, q, maLags_, maCoef_);
  const double* series = w;
  if (!shared && stride != K) {
    padded_.resize(un * uS);
    for (std::size_t l = 0; l < un; ++l)
      for (int k = 0; k < stride; ++k)
        padded_[l * uS + static_cast<std::size_t>(k)] = w[l * static_cast<std::size_t>(K) + static_cast<std::size_t>(std::min(k, K - 1))];
    series = padded_.data();
  }
  ssq_.assign(uS, 0.0);
  used_.assign(uS, 0);
  const Work x{n, ncond, q, series, shared, arLags_, arCoef_.data(), maLags_, maCoef_.data(), resid_.data(), ssq_.data(),
               used_.data()};
  switch (stride) {
    case 4: kernel<4>(x, stride); break;
    case 8: kernel<8>(x, stride); break;
    case 12: kernel<12>(x, stride); break;
    case 16: kernel<16>(x, stride); break;
    case 20: kernel<20>(x, stride); break;
    case 24: kernel<24>(x, stride); break;
    case 28: kernel<28>(x, stride); break;
    case 32: kernel<32>(x, stride); break;
    default: kernel<0>(x, stride);
  }
  for (std::size_t k = 0; k < static_cast<std::size_t>(K); ++k)
    out[k] = used_[k] == 0 ? std::numeric_limits<double>::quiet_NaN() : ssq_[k] / static_cast<double>(used_[k]);
}

}  // namespace foresight::arima
