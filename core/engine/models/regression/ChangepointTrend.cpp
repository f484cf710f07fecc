#include "engine/models/regression/ChangepointTrend.h"

#include <algorithm>  // std::max
#include <cmath>      // std::floor, std::nearbyint

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"

namespace foresight {

ChangepointTrend ChangepointTrend::place(Eigen::Index n, int count, double range) {
  ChangepointTrend trend;
  trend.timeScale_ = static_cast<double>(std::max<Eigen::Index>(n - 1, 1));
  const auto history = static_cast<Eigen::Index>(std::floor(static_cast<double>(n) * range));
  const Eigen::Index k = std::min<Eigen::Index>(count, history - 1);
  // np.round: halves to even, which nearbyint does in the default mode.
  for (Eigen::Index i = 1; i <= k; ++i)
    trend.changepoints_.push_back(static_cast<Eigen::Index>(
        std::nearbyint(static_cast<double>(i) * static_cast<double>(history - 1) / static_cast<double>(k))));
  return trend;
}

Eigen::MatrixXd ChangepointTrend::features(Eigen::Index first, Eigen::Index count) const {
  Eigen::MatrixXd x(count, columns());
  for (Eigen::Index i = 0; i < count; ++i) {
    const double t = static_cast<double>(first + i);
    x(i, 0) = 1;
    x(i, 1) = t / timeScale_;
    for (std::size_t j = 0; j < changepoints_.size(); ++j)
      x(i, static_cast<Eigen::Index>(2 + j)) = std::max(0.0, (t - static_cast<double>(changepoints_[j])) / timeScale_);
  }
  return x;
}

nlohmann::json ChangepointTrend::toJson() const {
  nlohmann::json cps = nlohmann::json::array();
  for (const auto c : changepoints_) cps.push_back(c);
  return {{"time_scale", timeScale_}, {"changepoints", cps}};
}

ChangepointTrend ChangepointTrend::fromJson(const nlohmann::json& j) {
  ChangepointTrend trend;
  trend.timeScale_ = json_fields::number(j, "time_scale");
  if (trend.timeScale_ < 1)
    throw InputError(InputLocation{"", 0, "time_scale", std::to_string(trend.timeScale_)}, "must be at least 1");
  const auto& cps = json_fields::field(j, "changepoints");
  if (!cps.is_array()) throw InputError(InputLocation{"", 0, "changepoints", ""}, "expected an array");
  Eigen::Index last = 0;
  for (const auto& c : cps) {
    if (!c.is_number_integer() || c.get<Eigen::Index>() <= last)
      throw InputError(InputLocation{"", 0, "changepoints", c.dump()},
                       "expected ascending observation indices above 0");
    last = c.get<Eigen::Index>();
    trend.changepoints_.push_back(last);
  }
  return trend;
}

}  // namespace foresight
