#include "engine/models/stats/Stl.h"

#include <algorithm>  // std::max, std::min
#include <cmath>      // std::abs, std::sqrt, std::ceil, std::round
#include <string>
#include <vector>

#include "engine/common/Errors.h"

namespace foresight::stats {

namespace {

int nextOdd(double x) {
  auto v = static_cast<int>(std::round(x));
  return v % 2 == 0 ? v + 1 : v;
}

int atLeastThreeOdd(int w) {
  w = std::max(3, w);
  return w % 2 == 0 ? w + 1 : w;
}

// Loess pieces of the Fortran, with its 1-based positions kept in the
// arithmetic (xs, nleft, nright are positions 1..n; arrays are 0-based).
struct Loess {
  // stlest: the local (degree 0 or 1) fit at position xs over [nleft, nright].
  static bool estimate(const double* y, int n, int len, int degree, double xs, double& ys, int nleft, int nright,
                       double* w) {
    const double range = static_cast<double>(n) - 1.0;
    double h = std::max(xs - nleft, nright - xs);
    if (len > n) h += static_cast<double>((len - n) / 2);
    const double h9 = 0.999 * h, h1 = 0.001 * h;
    double a = 0.0;
    for (int j = nleft; j <= nright; ++j) {
      const double r = std::abs(j - xs);
      if (r <= h9) {
        if (r <= h1) {
          w[j - 1] = 1.0;
        } else {
          const double u = r / h;
          const double c = 1.0 - u * u * u;
          w[j - 1] = c * c * c;
        }
        a += w[j - 1];
      } else {
        w[j - 1] = 0.0;
      }
    }
    if (a <= 0.0) return false;
    for (int j = nleft; j <= nright; ++j) w[j - 1] /= a;
    if (h > 0.0 && degree > 0) {
      a = 0.0;
      for (int j = nleft; j <= nright; ++j) a += w[j - 1] * j;
      double b = xs - a, c = 0.0;
      for (int j = nleft; j <= nright; ++j) c += w[j - 1] * (j - a) * (j - a);
      if (std::sqrt(c) > 0.001 * range) {
        b /= c;
        for (int j = nleft; j <= nright; ++j) w[j - 1] *= b * (j - a) + 1.0;
      }
    }
    ys = 0.0;
    for (int j = nleft; j <= nright; ++j) ys += w[j - 1] * y[j - 1];
    return true;
  }

  // stless: loess smoothing of y[0..n) at every jump-th point, linear in between.
  static void smooth(const double* y, int n, int len, int degree, int jump, double* ys, double* res) {
    if (n < 2) {
      ys[0] = y[0];
      return;
    }
    const int newnj = std::min(jump, n - 1);
    int nleft = 1, nright = n;
    auto fitAt = [&](int i) {
      if (!estimate(y, n, len, degree, i, ys[i - 1], nleft, nright, res)) ys[i - 1] = y[i - 1];
    };
    if (len >= n) {
      nleft = 1;
      nright = n;
      for (int i = 1; i <= n; i += newnj) fitAt(i);
    } else if (newnj == 1) {
      const int nsh = (len + 1) / 2;
      nleft = 1;
      nright = len;
      for (int i = 1; i <= n; ++i) {
        if (i > nsh && nright != n) {
          ++nleft;
          ++nright;
        }
        fitAt(i);
      }
    } else {
      const int nsh = (len + 1) / 2;
      for (int i = 1; i <= n; i += newnj) {
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
    if (newnj != 1) {
      for (int i = 1; i <= n - newnj; i += newnj) {
        const double delta = (ys[i + newnj - 1] - ys[i - 1]) / newnj;
        for (int j = i + 1; j <= i + newnj - 1; ++j) ys[j - 1] = ys[i - 1] + delta * (j - i);
      }
      const int k = ((n - 1) / newnj) * newnj + 1;
      if (k != n) {
        fitAt(n);
        if (k != n - 1) {
          const double delta = (ys[n - 1] - ys[k - 1]) / (n - k);
          for (int j = k + 1; j <= n - 1; ++j) ys[j - 1] = ys[k - 1] + delta * (j - k);
        }
      }
    }
  }

  // stlma: moving average of length len; writes n - len + 1 values.
  static void movingAverage(const double* x, int n, int len, double* ave) {
    const int newn = n - len + 1;
    const double flen = len;
    double v = 0.0;
    for (int i = 0; i < len; ++i) v += x[i];
    ave[0] = v / flen;
    for (int j = 1; j < newn; ++j) {
      v = v - x[j - 1] + x[len + j - 1];
      ave[j] = v / flen;
    }
  }
};

}  // namespace

StlDecomposition stl(const Eigen::VectorXd& yv, const StlOptions& o) {
  const int n = static_cast<int>(yv.size());
  if (o.period < 2 || n <= 2 * o.period)
    throw InputError("STL needs a period of at least 2 and more than two periods of data (period " +
                     std::to_string(o.period) + ", " + std::to_string(n) + " observations)");
  const int np = o.period;
  const int ns = atLeastThreeOdd(o.seasonalWindow);
  const int nt = atLeastThreeOdd(
      o.trendWindow > 0 ? o.trendWindow : nextOdd(std::ceil(1.5 * np / (1.0 - 1.5 / o.seasonalWindow))));
  const int nl = atLeastThreeOdd(o.lowPassWindow > 0 ? o.lowPassWindow : nextOdd(np));
  // R's jumps: ceiling(window / 10) of the windows as given (before oddness).
  const int sJump = static_cast<int>(std::ceil(o.seasonalWindow / 10.0));
  const int tJump = static_cast<int>(std::ceil((o.trendWindow > 0 ? o.trendWindow : nt) / 10.0));
  const int lJump = static_cast<int>(std::ceil((o.lowPassWindow > 0 ? o.lowPassWindow : nl) / 10.0));

  const std::size_t wn = static_cast<std::size_t>(n + 2 * np);
  std::vector<double> w1(wn), w2(wn), w3(wn), w4(wn), w5(wn), season(static_cast<std::size_t>(n)),
      trend(static_cast<std::size_t>(n), 0.0);
  const double* y = yv.data();
  std::vector<double> sub(wn), subFit(wn), subRes(wn);

  for (int iter = 0; iter < o.innerIterations; ++iter) {
    // Detrend, then smooth each cycle-subseries, extended one period both ways (stlss).
    for (int i = 0; i < n; ++i) w1[i] = y[i] - trend[i];
    for (int j = 0; j < np; ++j) {
      const int k = (n - 1 - j) / np + 1;
      for (int i = 0; i < k; ++i) sub[i] = w1[i * np + j];
      Loess::smooth(sub.data(), k, ns, o.seasonalDegree, sJump, subFit.data() + 1, subRes.data());
      const int nright = std::min(ns, k);
      if (!Loess::estimate(sub.data(), k, ns, o.seasonalDegree, 0.0, subFit[0], 1, nright, subRes.data()))
        subFit[0] = subFit[1];
      const int nleft = std::max(1, k - ns + 1);
      if (!Loess::estimate(sub.data(), k, ns, o.seasonalDegree, k + 1.0, subFit[k + 1], nleft, k, subRes.data()))
        subFit[k + 1] = subFit[k];
      for (int m = 0; m < k + 2; ++m) w2[m * np + j] = subFit[m];
    }
    // Low-pass filter of the cycle-subseries (stlfts, then loess).
    Loess::movingAverage(w2.data(), n + 2 * np, np, w3.data());
    Loess::movingAverage(w3.data(), n + np + 1, np, w1.data());
    Loess::movingAverage(w1.data(), n + 2, 3, w3.data());
    Loess::smooth(w3.data(), n, nl, o.lowPassDegree, lJump, w1.data(), w5.data());
    for (int i = 0; i < n; ++i) season[i] = w2[np + i] - w1[i];
    // Deseasonalise and smooth the trend.
    for (int i = 0; i < n; ++i) w1[i] = y[i] - season[i];
    Loess::smooth(w1.data(), n, nt, o.trendDegree, tJump, trend.data(), w3.data());
  }
  StlDecomposition out;
  out.seasonal = Eigen::Map<Eigen::VectorXd>(season.data(), n);
  out.trend = Eigen::Map<Eigen::VectorXd>(trend.data(), n);
  out.remainder = yv - out.seasonal - out.trend;
  return out;
}

}  // namespace foresight::stats
