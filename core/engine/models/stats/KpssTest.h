// The KPSS test of level stationarity (Kwiatkowski et al. 1992) as urca's
// ur.kpss(type = "mu") computes it, with the p-value interpolated in the
// critical-value table as forecast::ndiffs does.
#pragma once

#include <Eigen/Core>

namespace foresight::stats {

struct KpssResult {
  double statistic = 0;
  int lags = 0;
  double pValue = 0;  // in [0.01, 0.10]: the table's range (R: approx(..., rule = 2))
};

// forecast::ndiffs' lag truncation: trunc(3 sqrt(n) / 13).
int kpssDefaultLags(Eigen::Index n);

// x finite, n >= 2.
KpssResult kpssLevelTest(const Eigen::VectorXd& x, int lags);

}  // namespace foresight::stats
