// Is a series seasonal at a given period? The lag-period autocorrelation test
// used before multiplicative deseasonalisation by the M4 benchmarks and by
// R's forecast::thetaf (90% one-sided, Bartlett's variance of the ACF).
#pragma once

#include <Eigen/Core>
#include <limits>
#include <string>

namespace foresight {

enum class SeasonalityRule {
  // The M4 organisers' SeasonalityTest(): tested only with n >= 3 * period;
  // r_m > 1.645 * sqrt((1 + 2 * sum_{k<m} r_k^2) / n) where the ACF is taken
  // up to R's default lag.max = floor(10 log10 n), so a period beyond that
  // lag (e.g. 52 with fewer than 158,490 weeks) is never seasonal.
  M4,
  // forecast::thetaf: tested when n > 2 * period and the series is not
  // constant (R's is.constant), with qnorm(0.95) instead of 1.645.
  Thetaf,
};

struct SeasonalityVerdict {
  bool seasonal = false;
  bool tested = false;  // false: too short, period 1 or constant (see reason)
  double acf = std::numeric_limits<double>::quiet_NaN();    // r at lag period
  double limit = std::numeric_limits<double>::quiet_NaN();  // |acf| must exceed it
  std::string reason;   // one line for people: why (not) seasonal
};

class SeasonalityTest {
 public:
  // y finite. Never throws: untestable inputs are "not seasonal" with a reason.
  static SeasonalityVerdict run(const Eigen::VectorXd& y, int period, SeasonalityRule rule);

  // R's forecast::is.constant: all.equal(y, rep(y[1], n)) with its default
  // tolerance, i.e. the mean relative difference is at most 1.5e-8.
  static bool isConstant(const Eigen::VectorXd& y);
};

}  // namespace foresight
