#include "engine/models/stats/KpssTest.h"

#include <cmath>  // std::sqrt, std::trunc

namespace foresight::stats {

int kpssDefaultLags(Eigen::Index n) {
  return static_cast<int>(std::trunc(3.0 * std::sqrt(static_cast<double>(n)) / 13.0));
}

KpssResult kpssLevelTest(const Eigen::VectorXd& x, int lags) {
  const Eigen::Index n = x.size();
  const double dn = static_cast<double>(n);
  const Eigen::VectorXd res = x.array() - x.mean();
  double cum = 0.0, numerator = 0.0;
  for (Eigen::Index t = 0; t < n; ++t) {
    cum += res[t];
    numerator += cum * cum;
  }
  numerator /= dn * dn;
  double denominator = res.squaredNorm() / dn;
  // Newey-West long-run variance with Bartlett weights.
  for (int l = 1; l <= lags && l < n; ++l) {
    const double cov = res.tail(n - l).dot(res.head(n - l));
    denominator += 2.0 / dn * (1.0 - l / (lags + 1.0)) * cov;
  }
  KpssResult r;
  r.statistic = numerator / denominator;
  r.lags = lags;
  // urca's table for type "mu": statistic -> significance level, linear in
  // between, clamped at the ends.
  static constexpr double critical[] = {0.347, 0.463, 0.574, 0.739};
  static constexpr double level[] = {0.10, 0.05, 0.025, 0.01};
  if (r.statistic <= critical[0]) {
    r.pValue = level[0];
  } else if (r.statistic >= critical[3]) {
    r.pValue = level[3];
  } else {
    int i = 0;
    while (r.statistic > critical[i + 1]) ++i;
    const double f = (r.statistic - critical[i]) / (critical[i + 1] - critical[i]);
    r.pValue = level[i] + f * (level[i + 1] - level[i]);
  }
  return r;
}

}  // namespace foresight::stats
