// The piecewise-linear trend of calendar_regression, as Prophet's linear
// growth: g(s) = m + k s + sum_j delta_j (s - s_j)+, where s = t / T is the
// time scaled to [0, 1] over the fitted data and s_j the changepoints.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <vector>

namespace foresight {

class ChangepointTrend {
 public:
  ChangepointTrend() = default;

  // Prophet's candidates for n observations: `count` changepoints at the
  // rounded points of linspace(0, h - 1, count + 1) without the first, where
  // h = floor(n * range) (fewer when h - 1 < count; none when h < 2).
  static ChangepointTrend place(Eigen::Index n, int count, double range);

  // T: observations spanned by the fit, n - 1 (1 for a single one).
  double timeScale() const { return timeScale_; }
  // The observation index (0-based) of each changepoint, ascending.
  const std::vector<Eigen::Index>& changepoints() const { return changepoints_; }
  int columns() const { return 2 + static_cast<int>(changepoints_.size()); }

  // Columns 1, s, (s - s_1)+, ..., for rows t = first .. first + count - 1.
  Eigen::MatrixXd features(Eigen::Index first, Eigen::Index count) const;

  nlohmann::json toJson() const;  // {"time_scale", "changepoints"}
  static ChangepointTrend fromJson(const nlohmann::json& j);

 private:
  double timeScale_ = 1;
  std::vector<Eigen::Index> changepoints_;
};

}  // namespace foresight
