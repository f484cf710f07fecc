#include "engine/models/arima/ArimaCssBatch.h"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::isnan
#include <cstring>    // std::memcpy
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
// the longest lags first - as ArimaCss. `width` points per row, any number.
void kernelAnyWidth(const Work& x, int width) {
  const int K = width;
  const std::size_t na = x.arLags.size(), nm = x.maLags.size();
  const int warm = std::min(x.n, x.ncond + x.q);
  double* R = x.R;
  const double* w = x.w;
  for (int l = x.ncond; l < x.n; ++l) {
    double* now = R + l * K;
    for (int k = 0; k < K; ++k) now[k] = x.shared ? w[l] : w[l * K + k];
    for (std::size_t j = 0; j < na; ++j) {
      const double* c = x.arCoef + j * static_cast<std::size_t>(K);
      for (int k = 0; k < K; ++k) now[k] -= c[k] * (x.shared ? w[l - x.arLags[j]] : w[(l - x.arLags[j]) * K + k]);
    }
    auto ma = [&](std::size_t j) {
      const double* c = x.maCoef + j * static_cast<std::size_t>(K);
      const double* past = R + (l - x.maLags[j]) * K;
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
        ++x.used[k];
        x.ssq[k] += e * e;
      }
    }
  }
}

// Two points per vector (GCC/Clang vector extension: one SSE2 register;
// wider vectors without AVX were slower). Every lane does exactly the scalar
// kernel's operations in the same order (multiply, then subtract; no fused
// multiply-add at the baseline instruction set), so the sums are the same to
// the last bit. GCC left the scalar form unvectorised; this form takes 22%
// less CPU on auto_arima over M4 Weekly (bench/bench_models).
using V2 = double __attribute__((vector_size(16)));

inline V2 load2(const double* p) {
  V2 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store2(double* p, V2 v) { std::memcpy(p, &v, sizeof v); }

template <int S>
void kernel(const Work& x) {
  static_assert(S % 2 == 0 && S > 0);
  constexpr int NV = S / 2;
  const std::size_t na = x.arLags.size(), nm = x.maLags.size();
  const int warm = std::min(x.n, x.ncond + x.q);
  double* R = x.R;
  const double* w = x.w;
  V2 ssq[NV], used[NV];
  for (int v = 0; v < NV; ++v) ssq[v] = used[v] = V2{0, 0};
  const V2 zero{0, 0}, one{1, 1};
  for (int l = x.ncond; l < x.n; ++l) {
    V2 now[NV];
    if (x.shared) {
      const double value = w[l];
      for (int v = 0; v < NV; ++v) now[v] = V2{value, value};
      for (std::size_t j = 0; j < na; ++j) {
        const double* c = x.arCoef + j * S;
        const double p = w[l - x.arLags[j]];
        const V2 past{p, p};
        for (int v = 0; v < NV; ++v) now[v] -= load2(c + 2 * v) * past;
      }
    } else {
      for (int v = 0; v < NV; ++v) now[v] = load2(w + l * S + 2 * v);
      for (std::size_t j = 0; j < na; ++j) {
        const double* c = x.arCoef + j * S;
        const double* past = w + (l - x.arLags[j]) * S;
        for (int v = 0; v < NV; ++v) now[v] -= load2(c + 2 * v) * load2(past + 2 * v);
      }
    }
    auto ma = [&](std::size_t j) {
      const double* c = x.maCoef + j * S;
      const double* past = R + (l - x.maLags[j]) * S;
      for (int v = 0; v < NV; ++v) now[v] -= load2(c + 2 * v) * load2(past + 2 * v);
    };
    if (l < warm) {
      for (std::size_t j = 0; j < nm && x.maLags[j] <= l - x.ncond; ++j) ma(j);
    } else {
      for (std::size_t j = nm; j-- > 0;) ma(j);
    }
    double* row = R + l * S;
    for (int v = 0; v < NV; ++v) {
      store2(row + 2 * v, now[v]);
      // NaN residuals are left out: adding an exact 0 leaves a sum as it was.
      const auto finite = now[v] == now[v];
      ssq[v] += finite ? now[v] * now[v] : zero;
      used[v] += finite ? one : zero;
    }
  }
  for (int v = 0; v < NV; ++v)
    for (int i = 0; i < 2; ++i) {
      x.ssq[2 * v + i] = ssq[v][i];
      x.used[2 * v + i] = static_cast<int>(used[v][i]);
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
    case 4: kernel<4>(x); break;
    case 8: kernel<8>(x); break;
    case 12: kernel<12>(x); break;
    case 16: kernel<16>(x); break;
    case 20: kernel<20>(x); break;
    case 24: kernel<24>(x); break;
    case 28: kernel<28>(x); break;
    case 32: kernel<32>(x); break;
    default: kernelAnyWidth(x, stride);
  }
  for (std::size_t k = 0; k < static_cast<std::size_t>(K); ++k)
    out[k] = used_[k] == 0 ? std::numeric_limits<double>::quiet_NaN() : ssq_[k] / static_cast<double>(used_[k]);
}

}  // namespace foresight::arima
