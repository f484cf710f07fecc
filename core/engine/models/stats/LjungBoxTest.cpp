#include "engine/models/stats/LjungBoxTest.h"

#include <algorithm>  // std::max, std::min
#include <cmath>      // std::exp, std::lgamma, std::log, std::isnan, std::isinf, std::round
#include <limits>     // quiet_NaN, epsilon, min
#include <string>

#include "engine/common/Errors.h"
#include "engine/models/decomposition/Autocorrelation.h"

namespace foresight::stats {

namespace {

constexpr int kMaxIterations = 10000;
constexpr double kEps = std::numeric_limits<double>::epsilon();

// Regularized lower incomplete gamma P(a, x) by its power series; converges
// fast for x < a + 1.
double lowerGammaSeries(double a, double x) {
  double term = 1.0 / a, sum = term;
  for (int i = 1; i < kMaxIterations; ++i) {
    term *= x / (a + i);
    sum += term;
    if (std::fabs(term) < std::fabs(sum) * kEps) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Regularized upper incomplete gamma Q(a, x) by its continued fraction
// (modified Lentz); converges fast for x >= a + 1.
double upperGammaFraction(double a, double x) {
  constexpr double tiny = std::numeric_limits<double>::min() / kEps;
  double b = x + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
  for (int i = 1; i < kMaxIterations; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double step = d * c;
    h *= step;
    if (std::fabs(step - 1.0) < kEps) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

[[noreturn]] void badSetting(const std::string& field, int value, const std::string& problem) {
  throw InputError(InputLocation{"", 0, field, std::to_string(value)}, "Ljung-Box test: " + problem);
}

// checkresiduals' zoo::na.approx: ends dropped, inner gaps interpolated.
Eigen::VectorXd cleanResiduals(const Eigen::VectorXd& r) {
  Eigen::Index first = 0, last = r.size() - 1;
  while (first <= last && std::isnan(r[first])) ++first;
  while (last >= first && std::isnan(r[last])) --last;
  if (first > last) return {};
  Eigen::VectorXd x = r.segment(first, last - first + 1);
  Eigen::Index prev = 0;  // last finite index; x[0] is finite
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (std::isinf(x[i]))
      throw InputError(InputLocation{"", 0, "residual", std::to_string(first + i)},
                       "Ljung-Box test: the residual at this index is infinite");
    if (std::isnan(x[i])) continue;
    for (Eigen::Index j = prev + 1; j < i; ++j)
      x[j] = x[prev] + (x[i] - x[prev]) * static_cast<double>(j - prev) / static_cast<double>(i - prev);
    prev = i;
  }
  return x;
}

}  // namespace

double chiSquaredUpperTail(double x, double df) {
  if (std::isnan(x) || !(df > 0)) return std::numeric_limits<double>::quiet_NaN();
  if (x <= 0) return 1.0;
  if (std::isinf(x)) return 0.0;
  const double a = df / 2.0, half = x / 2.0;
  return half < a + 1.0 ? 1.0 - lowerGammaSeries(a, half) : upperGammaFraction(a, half);
}

int ljungBoxDefaultLag(Eigen::Index n, int period, int fitdf) {
  int lag = period > 1 ? 2 * period : 10;
  lag = std::min(lag, static_cast<int>(std::round(static_cast<double>(n) / 5.0)));
  return std::max(fitdf + 3, lag);
}

LjungBoxResult ljungBoxTest(const Eigen::VectorXd& residuals, int lag, int fitdf) {
  if (lag < 1) badSetting("lag", lag, "the lag must be at least 1");
  if (fitdf < 0) badSetting("fitdf", fitdf, "the fitted degrees of freedom cannot be negative");
  if (lag - fitdf < 1)
    badSetting("fitdf", fitdf, "the lag (" + std::to_string(lag) + ") must exceed the fitted degrees of freedom");
  const Eigen::VectorXd x = cleanResiduals(residuals);
  if (lag >= x.size())
    badSetting("lag", lag, "needs more residuals than the lag; there are " + std::to_string(x.size()));
  const Eigen::VectorXd r = autocorrelation(x, lag);
  const double n = static_cast<double>(x.size());
  double sum = 0.0;
  for (int k = 1; k <= lag; ++k) sum += r[k] * r[k] / (n - k);
  LjungBoxResult out;
  out.lag = lag;
  out.fitdf = fitdf;
  out.df = lag - fitdf;
  out.n = static_cast<int>(x.size());
  out.statistic = n * (n + 2.0) * sum;  // NaN for constant residuals, as in R
  out.pValue = chiSquaredUpperTail(out.statistic, out.df);
  return out;
}

}  // namespace foresight::stats
