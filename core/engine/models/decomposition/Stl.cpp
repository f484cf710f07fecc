#include "engine/models/decomposition/Stl.h"

#include <algorithm>  // std::max, std::min, std::fill
#include <cmath>      // std::ceil, std::fabs, std::sqrt
#include <string>
#include <vector>

#include "engine/common/Errors.h"

namespace foresight {

namespace {

// The loops below keep the Fortran's 1-based indices (x[i - 1] is its x(i)),
// so every window bound can be checked against the original line by line.

// One loess fit at abscissa xs from y(nleft..nright) with tricube weights
// (stlest). w is scratch of y's length; rw the robustness weights or null.
// False when no point has weight (the caller keeps the data value).
bool loessAt(const double* y, int n, int len, int degree, double xs, int nleft, int nright, double* w,
             const double* rw, double& ys) {
  const double range = static_cast<double>(n) - 1.0;
  double h = std::max(xs - nleft, nright - xs);
  if (len > n) h += static_cast<double>((len - n) / 2);
  const double h9 = 0.999 * h, h1 = 0.001 * h;
  double a = 0;
  for (int j = nleft; j <= nright; ++j) {
    double& wj = w[j - 1];
    wj = 0;
    const double r = std::fabs(j - xs);
    if (r > h9) continue;
    if (r <= h1) {
      wj = 1;
    } else {
      const double q = r / h, c = 1 - q * q * q;
      wj = c * c * c;
    }
    if (rw) wj *= rw[j - 1];
    a += wj;
  }
  if (a <= 0) return false;
  for (int j = nleft; j <= nright; ++j) w[j - 1] /= a;
  if (h > 0 && degree > 0) {
    // Local linear fit: tilt the weights by the weighted regression on j.
    double mean = 0;
    for (int j = nleft; j <= nright; ++j) mean += w[j - 1] * j;
    double b = xs - mean, c = 0;
    for (int j = nleft; j <= nright; ++j) c += w[j - 1] * (j - mean) * (j - mean);
    if (std::sqrt(c) > 0.001 * range) {
      b /= c;
      for (int j = nleft; j <= nright; ++j) w[j - 1] *= b * (j - mean) + 1;
    }
  }
  ys = 0;
  for (int j = nleft; j <= nright; ++j) ys += w[j - 1] * y[j - 1];
  return true;
}

// Loess smoothing of y(1..n) evaluated every `jump` points and linearly
// interpolated in between (stless).
void loessSmooth(const double* y, int n, int len, int degree, int jump, const double* rw, double* ys, double* w) {
  if (n < 2) {
    ys[0] = y[0];
    return;
  }
  const int nj = std::min(jump, n - 1);
  int nleft = 1, nright = n;
  const auto fitAt = [&](int i) {
    if (!loessAt(y, n, len, degree, i, nleft, nright, w, rw, ys[i - 1])) ys[i - 1] = y[i - 1];
  };
  const int nsh = (len + 1) / 2;
  if (len >= n) {
    for (int i = 1; i <= n; i += nj) fitAt(i);
  } else if (nj == 1) {
    nright = len;
    for (int i = 1; i <= n; ++i) {
      if (i > nsh && nright != n) {
        ++nleft;
        ++nright;
      }
      fitAt(i);
    }
  } else {
    for (int i = 1; i <= n; i += nj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      fitAt(i);
    }
  }
  if (nj == 1) return;
  for (int i = 1; i <= n - nj; i += nj) {
    const double delta = (ys[i + nj - 1] - ys[i - 1]) / nj;
    for (int j = i + 1; j <= i + nj - 1; ++j) ys[j - 1] = ys[i - 1] + delta * (j - i);
  }
  const int k = ((n - 1) / nj) * nj + 1;
  if (k == n) return;
  fitAt(n);  // with the last window
  if (k == n - 1) return;
  const double delta = (ys[n - 1] - ys[k - 1]) / (n - k);
  for (int j = k + 1; j <= n - 1; ++j) ys[j - 1] = ys[k - 1] + delta * (j - k);
}

// Smooths each cycle-subseries and extends it by one value at either end
// (stlss): out holds n + 2 np values, one period before and after the data.
struct SubseriesScratch {
  std::vector<double> values, smooth, weights, loessWeights;
};

void smoothSubseries(const double* y, int n, int np, int ns, int degree, int jump, const double* rw, double* out,
                     SubseriesScratch& s) {
  for (int j = 1; j <= np; ++j) {
    const int k = (n - j) / np + 1;
    for (int i = 1; i <= k; ++i) s.values[i - 1] = y[(i - 1) * np + j - 1];
    if (rw)
      for (int i = 1; i <= k; ++i) s.weights[i - 1] = rw[(i - 1) * np + j - 1];
    const double* subRw = rw ? s.weights.data() : nullptr;
    double* sm = s.smooth.data();
    loessSmooth(s.values.data(), k, ns, degree, jump, subRw, sm + 1, s.loessWeights.data());
    if (!loessAt(s.values.data(), k, ns, degree, 0.0, 1, std::min(ns, k), s.loessWeights.data(), subRw, sm[0]))
      sm[0] = sm[1];
    if (!loessAt(s.values.data(), k, ns, degree, k + 1.0, std::max(1, k - ns + 1), k, s.loessWeights.data(), subRw,
                 sm[k + 1]))
      sm[k + 1] = sm[k];
    for (int m = 1; m <= k + 2; ++m) out[(m - 1) * np + j - 1] = sm[m - 1];
  }
}

// Running mean of `len` values (stlma), keeping the Fortran's running sum.
void movingAverage(const double* x, int n, int len, double* ave) {
  const int newn = n - len + 1;
  double v = 0;
  for (int i = 1; i <= len; ++i) v += x[i - 1];
  ave[0] = v / len;
  for (int j = 2, k = len, m = 0; j <= newn; ++j) {
    ++k;
    ++m;
    v = v - x[m - 1] + x[k - 1];
    ave[j - 1] = v / len;
  }
}

// R's psort (Singleton's quickselect; short runs insertion-sorted), written
// as a state machine over the Fortran's labels. ind are 1-based positions.
void rPartialSort(double* data, int n, const int* positions, int ni) {
  if (n < 2 || ni == 0) return;
  const auto a = [data](int i) -> double& { return data[i - 1]; };
  const auto ind = [positions](int i) { return positions[i - 1]; };
  int il[17], iu[17], indl[17], indu[17];
  int jl = 1, ju = ni, i = 1, j = n, m = 1;
  indl[1] = 1;
  indu[1] = ni;
  enum class Step { Start, Pop, Split, Partition, Short } step = Step::Start;
  for (;;) {
    switch (step) {
      case Step::Start:
        step = i < j ? Step::Partition : Step::Pop;
        break;
      case Step::Pop:
        if (--m == 0) return;
        i = il[m];
        j = iu[m];
        jl = indl[m];
        ju = indu[m];
        step = jl <= ju ? Step::Split : Step::Pop;
        break;
      case Step::Split:
        step = j - i > 10 ? Step::Partition : Step::Short;
        break;
      case Step::Partition: {
        int k = i, l = j;
        const int ij = (i + j) / 2;
        double t = a(ij);
        if (a(i) > t) {
          a(ij) = a(i);
          a(i) = t;
          t = a(ij);
        }
        if (a(j) < t) {
          a(ij) = a(j);
          a(j) = t;
          t = a(ij);
          if (a(i) > t) {
            a(ij) = a(i);
            a(i) = t;
            t = a(ij);
          }
        }
        for (;;) {
          --l;
          if (a(l) > t) continue;
          const double tt = a(l);
          do ++k;
          while (!(a(k) >= t));
          if (k > l) break;
          a(l) = a(k);
          a(k) = tt;
        }
        indl[m] = jl;
        indu[m] = ju;
        const int p = m++;
        step = Step::Split;
        if (l - i <= j - k) {
          il[p] = k;
          iu[p] = j;
          j = l;
          while (jl <= ju && ind(ju) > j) --ju;
          if (jl > ju) step = Step::Pop;
          else indl[p] = ju + 1;
        } else {
          il[p] = i;
          iu[p] = l;
          i = k;
          while (jl <= ju && ind(jl) < i) ++jl;
          if (jl > ju) step = Step::Pop;
          else indu[p] = jl - 1;
        }
        break;
      }
      case Step::Short:
        if (i == 1) {
          step = Step::Start;
          break;
        }
        // a(i - 1) bounds the run from below, so the shifts stop there.
        for (; i < j; ++i) {
          const double t = a(i + 1);
          if (!(a(i) > t)) continue;
          int k = i;
          do {
            a(k + 1) = a(k);
            --k;
          } while (!(t >= a(k)));
          a(k + 1) = t;
        }
        step = Step::Pop;
        break;
    }
  }
}

// Bisquare weights from the residuals |y - fit| scaled by 6 median (stlrwt).
// R passes the two middle positions to psort in descending order although
// psort expects them ascending; for an even count the "median" it finds can
// be a neighbouring order statistic. Kept, for R's numbers.
void robustnessWeights(const Eigen::VectorXd& y, const std::vector<double>& fit, std::vector<double>& rw) {
  const int n = static_cast<int>(y.size());
  std::vector<double> r(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) r[static_cast<std::size_t>(i)] = std::fabs(y[i] - fit[static_cast<std::size_t>(i)]);
  std::vector<double> sorted = r;
  const int mid[2] = {n / 2 + 1, n - (n / 2 + 1) + 1};
  rPartialSort(sorted.data(), n, mid, 2);
  const double cmad = 3.0 * (sorted[static_cast<std::size_t>(mid[0] - 1)] + sorted[static_cast<std::size_t>(mid[1] - 1)]);
  const double c9 = 0.999 * cmad, c1 = 0.001 * cmad;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r[i] <= c1) {
      rw[i] = 1;
    } else if (r[i] <= c9) {
      const double q = r[i] / cmad, c = 1 - q * q;
      rw[i] = c * c;
    } else {
      rw[i] = 0;
    }
  }
}

// R's nextodd(): round, then up to the next odd number.
int nextOdd(double x) {
  const int r = static_cast<int>(std::nearbyint(x));
  return r % 2 == 0 ? r + 1 : r;
}
int ceilTenth(int window) { return static_cast<int>(std::ceil(window / 10.0)); }
int oddAtLeastThree(int w) {
  w = std::max(3, w);
  return w % 2 == 0 ? w + 1 : w;
}

void require(bool ok, const char* field, int value, const std::string& problem) {
  if (!ok) throw InputError(InputLocation{"", 0, field, std::to_string(value)}, "STL: " + problem);
}

}  // namespace

Stl::Stl(const Eigen::VectorXd& y, const StlOptions& o) {
  const Eigen::Index size = y.size();
  const int np = o.period;
  require(np >= 2, "period", np, "the period must be at least 2");
  require(size > 2 * static_cast<Eigen::Index>(np) && size < (1 << 27), "period", np,
          "the series has " + std::to_string(size) + " values, which is not more than two periods");
  const int n = static_cast<int>(size);
  const int sWindow = o.periodic ? 10 * n + 1 : o.seasonalWindow;
  const int sDegree = o.periodic ? 0 : o.seasonalDegree;
  require(sWindow >= 1, "s_window", sWindow, "the seasonal window must be at least 1");
  const int tWindow = o.trendWindow ? *o.trendWindow : nextOdd(std::ceil(1.5 * np / (1 - 1.5 / sWindow)));
  const int lWindow = o.lowPassWindow ? *o.lowPassWindow : nextOdd(np);
  const int tDegree = o.trendDegree, lDegree = o.lowPassDegree.value_or(o.trendDegree);
  for (const auto& [name, d] : {std::pair{"s_degree", sDegree}, {"t_degree", tDegree}, {"l_degree", lDegree}})
    require(d == 0 || d == 1, name, d, "a degree must be 0 or 1");
  const int sJump = o.seasonalJump.value_or(ceilTenth(sWindow));
  const int tJump = o.trendJump.value_or(ceilTenth(tWindow));
  const int lJump = o.lowPassJump.value_or(ceilTenth(lWindow));
  for (const auto& [name, j] : {std::pair{"s_jump", sJump}, {"t_jump", tJump}, {"l_jump", lJump}})
    require(j >= 1, name, j, "a jump must be at least 1");
  const int inner = o.inner.value_or(o.robust ? 1 : 2), outer = o.outer.value_or(o.robust ? 15 : 0);
  require(inner >= 1, "inner", inner, "at least one inner loop is needed");
  require(outer >= 0, "outer", outer, "the number of outer loops cannot be negative");

  // The Fortran makes every window odd and at least 3 (the jumps stay).
  const int ns = oddAtLeastThree(sWindow), nt = oddAtLeastThree(tWindow), nl = oddAtLeastThree(lWindow);
  seasonalWindow_ = ns;
  trendWindow_ = nt;
  lowPassWindow_ = nl;

  const auto un = static_cast<std::size_t>(n), wide = un + 2 * static_cast<std::size_t>(np);
  std::vector<double> trend(un, 0.0), season(un), rw(un, 1.0), detrended(un), cycles(wide), pass1(wide), pass2(wide),
      lowPass(un), adjusted(un), loessWeights(un), fit(un);
  SubseriesScratch scratch{std::vector<double>(un), std::vector<double>(un + 2), std::vector<double>(un),
                           std::vector<double>(un)};
  bool useWeights = false;
  for (int pass = 0;; ++pass) {
    const double* weights = useWeights ? rw.data() : nullptr;
    for (int it = 0; it < inner; ++it) {
      for (std::size_t i = 0; i < un; ++i) detrended[i] = y[static_cast<Eigen::Index>(i)] - trend[i];
      smoothSubseries(detrended.data(), n, np, ns, sDegree, sJump, weights, cycles.data(), scratch);
      // Low-pass filter of the cycle-subseries: MA(np), MA(np), MA(3), loess.
      movingAverage(cycles.data(), n + 2 * np, np, pass1.data());
      movingAverage(pass1.data(), n + np + 1, np, pass2.data());
      movingAverage(pass2.data(), n + 2, 3, pass1.data());
      loessSmooth(pass1.data(), n, nl, lDegree, lJump, nullptr, lowPass.data(), loessWeights.data());
      for (std::size_t i = 0; i < un; ++i) {
        season[i] = cycles[static_cast<std::size_t>(np) + i] - lowPass[i];
        adjusted[i] = y[static_cast<Eigen::Index>(i)] - season[i];
      }
      loessSmooth(adjusted.data(), n, nt, tDegree, tJump, weights, trend.data(), loessWeights.data());
    }
    if (pass >= outer) break;
    for (std::size_t i = 0; i < un; ++i) fit[i] = trend[i] + season[i];
    robustnessWeights(y, fit, rw);
    useWeights = true;
  }
  if (outer <= 0) std::fill(rw.begin(), rw.end(), 1.0);

  seasonal_ = Eigen::Map<const Eigen::VectorXd>(season.data(), size);
  trend_ = Eigen::Map<const Eigen::VectorXd>(trend.data(), size);
  weights_ = Eigen::Map<const Eigen::VectorXd>(rw.data(), size);
  if (o.periodic) {
    // R makes the periodic season exactly periodic: the mean per position.
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(np);
    Eigen::VectorXi count = Eigen::VectorXi::Zero(np);
    for (Eigen::Index i = 0; i < size; ++i) {
      mean[i % np] += seasonal_[i];
      ++count[i % np];
    }
    for (int k = 0; k < np; ++k) mean[k] /= count[k];
    for (Eigen::Index i = 0; i < size; ++i) seasonal_[i] = mean[i % np];
  }
  remainder_ = y - seasonal_ - trend_;
}

}  // namespace foresight
