#include "engine/models/decomposition/Autocorrelation.h"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::floor, std::log10
#include <limits>     // quiet_NaN

namespace foresight {

Eigen::VectorXd autocorrelation(const Eigen::VectorXd& y, int maxLag) {
  const Eigen::Index n = y.size();
  if (n == 0) return {};
  const Eigen::Index lags = std::clamp<Eigen::Index>(maxLag, 0, n - 1);
  const Eigen::VectorXd d = y.array() - y.mean();
  const double c0 = d.squaredNorm();
  Eigen::VectorXd r(lags + 1);
  if (!(c0 > 0)) {
    r.setConstant(std::numeric_limits<double>::quiet_NaN());
    return r;
  }
  for (Eigen::Index k = 0; k <= lags; ++k) r[k] = d.head(n - k).dot(d.tail(n - k)) / c0;
  return r;
}

int defaultAcfMaxLag(Eigen::Index n) {
  if (n < 2) return 0;
  const auto lag = static_cast<Eigen::Index>(std::floor(10.0 * std::log10(static_cast<double>(n))));
  return static_cast<int>(std::min(lag, n - 1));
}

}  // namespace foresight
