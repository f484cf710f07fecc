#include "engine/models/intermittent/DemandSeries.h"

#include <algorithm>  // std::clamp
#include <cmath>      // std::floor, std::isnan
#include <limits>

#include "engine/common/Errors.h"

namespace foresight::intermittent {

void requireNonNegative(const std::string& model, const std::string& series, const Eigen::VectorXd& y,
                        Frequency frequency, Date start) {
  for (Eigen::Index t = 0; t < y.size(); ++t)
    if (y[t] < 0)
      throw InputError(model + ": " + (series.empty() ? std::string("the series") : "series '" + series + "'") +
                       " holds a negative value (" + std::to_string(y[t]) + ") at " +
                       advancePeriod(frequency, start, static_cast<int>(t)).toIso() +
                       "; intermittent demand is a count or an amount, never below 0");
}

double meanDemandInterval(const Eigen::VectorXd& y) {
  Eigen::Index demands = 0, last = -1;
  for (Eigen::Index t = 0; t < y.size(); ++t)
    if (y[t] != 0) {
      ++demands;
      last = t;
    }
  if (demands == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(last + 1) / static_cast<double>(demands);
}

int aggregationLevel(const Eigen::VectorXd& y) {
  const double m = meanDemandInterval(y);
  if (std::isnan(m) || y.size() == 0) return 1;
  const auto k = static_cast<Eigen::Index>(std::floor(m + 0.5));
  return static_cast<int>(std::clamp<Eigen::Index>(k, 1, y.size()));
}

Eigen::VectorXd bucketSums(const Eigen::VectorXd& y, int k) {
  const Eigen::Index buckets = y.size() / k;
  const Eigen::Index skip = y.size() - buckets * k;
  Eigen::VectorXd out(buckets);
  for (Eigen::Index b = 0; b < buckets; ++b) out[b] = y.segment(skip + b * k, k).sum();
  return out;
}

}  // namespace foresight::intermittent
