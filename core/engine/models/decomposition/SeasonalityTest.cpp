#include "engine/models/decomposition/SeasonalityTest.h"

#include <cmath>   // std::sqrt, std::fabs, std::isfinite
#include <cstdio>  // std::snprintf

#include "engine/models/decomposition/Autocorrelation.h"

namespace foresight {

namespace {

// The M4 code's rounded critical value, and thetaf's qnorm(0.95).
constexpr double kM4Critical = 1.645;
constexpr double kThetafCritical = 1.6448536269514722;

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

SeasonalityVerdict untested(std::string reason) {
  SeasonalityVerdict v;
  v.reason = std::move(reason);
  return v;
}

// 1 + 2 * sum_{k=1}^{m-1} r_k^2: n times Bartlett's variance of r_m.
double bartlettSum(const Eigen::VectorXd& r, int period) {
  double s = 1.0;
  for (int k = 1; k < period; ++k) s += 2.0 * r[k] * r[k];
  return s;
}

}  // namespace

bool SeasonalityTest::isConstant(const Eigen::VectorXd& y) {
  if (y.size() == 0) return true;
  // all.equal.numeric drops the entries equal to the first, then compares the
  // mean absolute difference to the mean absolute value of what is left.
  constexpr double tolerance = 1.4901161193847656e-08;  // sqrt(.Machine$double.eps)
  const double first = y[0];
  double sumDiff = 0, sumAbs = 0;
  Eigen::Index differing = 0;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    if (y[i] == first) continue;
    sumDiff += std::fabs(y[i] - first);
    sumAbs += std::fabs(y[i]);
    ++differing;
  }
  if (differing == 0) return true;
  const double n = static_cast<double>(differing);
  const double scale = sumAbs / n;
  const double meanDiff = (std::isfinite(scale) && scale > tolerance) ? sumDiff / (n * scale) : sumDiff / n;
  return !(meanDiff > tolerance);
}

SeasonalityVerdict SeasonalityTest::run(const Eigen::VectorXd& y, int period, SeasonalityRule rule) {
  const Eigen::Index n = y.size();
  if (period <= 1) return untested("period " + std::to_string(period) + ": no season to test");
  const bool m4 = rule == SeasonalityRule::M4;
  const Eigen::Index need = m4 ? 3 * static_cast<Eigen::Index>(period) : 2 * static_cast<Eigen::Index>(period) + 1;
  if (n < need)
    return untested(std::to_string(n) + " observations, fewer than the " + std::to_string(need) +
                    " the test needs at period " + std::to_string(period));
  if (!m4 && isConstant(y)) return untested("the series is constant");

  // M4 takes R's default number of lags; a period beyond it has no ACF value
  // (NA in R), which the M4 code reads as "not seasonal".
  const int maxLag = m4 ? defaultAcfMaxLag(n) : period;
  if (period > maxLag)
    return untested("period " + std::to_string(period) + " is beyond the " + std::to_string(maxLag) +
                    " autocorrelation lags the M4 test computes for " + std::to_string(n) + " observations");
  const Eigen::VectorXd r = autocorrelation(y, maxLag);
  if (!std::isfinite(r[period])) return untested("the series has no variance");

  SeasonalityVerdict v;
  v.tested = true;
  v.acf = r[period];
  const double sum = bartlettSum(r, period);
  const double dn = static_cast<double>(n);
  if (m4) {
    v.limit = kM4Critical / std::sqrt(dn) * std::sqrt(sum);
    v.seasonal = std::fabs(v.acf) > v.limit;
  } else {
    // thetaf compares the statistic, not the limit; keep its arithmetic.
    const double stat = std::sqrt(sum / dn);
    v.limit = kThetafCritical * stat;
    v.seasonal = std::fabs(v.acf) / stat > kThetafCritical;
  }
  v.reason = "autocorrelation at lag " + std::to_string(period) + " is " + fmt(v.acf) + (v.seasonal ? ", beyond" : ", within") +
             " the 90% limit " + fmt(v.limit);
  return v;
}

}  // namespace foresight
