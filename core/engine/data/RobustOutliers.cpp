#include "engine/data/RobustOutliers.h"

#include <algorithm>
#include <cmath>  // std::isnan, std::fabs

namespace foresight {

namespace {

double median(std::vector<double>& v) {
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  const double hi = *mid;
  if (v.size() % 2 == 1) return hi;
  return (*std::max_element(v.begin(), mid) + hi) / 2.0;
}

}  // namespace

std::vector<Outlier> RobustOutliers::find(const Eigen::VectorXd& x, Eigen::Index halfWindow, double threshold) {
  std::vector<Outlier> out;
  std::vector<double> window, deviations;
  const Eigen::Index n = x.size();
  for (Eigen::Index i = 0; i < n; ++i) {
    if (std::isnan(x[i])) continue;
    window.clear();
    for (Eigen::Index k = std::max<Eigen::Index>(0, i - halfWindow); k <= std::min(n - 1, i + halfWindow); ++k)
      if (!std::isnan(x[k])) window.push_back(x[k]);
    if (window.size() < 5) continue;
    const double m = median(window);
    deviations.clear();
    for (double v : window) deviations.push_back(std::fabs(v - m));
    const double scale = 1.4826 * median(deviations);
    if (scale <= 0.0) continue;
    const double score = std::fabs(x[i] - m) / scale;
    if (score > threshold) out.push_back(Outlier{i, x[i], m, score});
  }
  return out;
}

}  // namespace foresight
