#include "engine/models/intermittent/EmpiricalErrors.h"

#include <algorithm>  // std::sort, std::max
#include <cmath>      // std::isnan

#include "engine/models/stats/SampleQuantile.h"

namespace foresight::intermittent {

FitStatistics errorStatistics(const Eigen::VectorXd& residuals, int nparams) {
  FitStatistics s;
  double sum = 0;
  int n = 0;
  for (Eigen::Index t = 0; t < residuals.size(); ++t)
    if (!std::isnan(residuals[t])) {
      sum += residuals[t] * residuals[t];
      ++n;
    }
  s.sigma2 = n > 0 ? sum / n : FitStatistics::kNaN;
  s.nobs = n;
  s.nparams = nparams;
  return s;
}

void fillEmpiricalForecast(double mean, const Eigen::VectorXd& residuals, int horizon,
                           const std::vector<double>& levels, Forecast& out) {
  out.mean.setConstant(horizon, mean);
  std::vector<double> errors;
  for (Eigen::Index t = 0; t < residuals.size(); ++t)
    if (!std::isnan(residuals[t])) errors.push_back(residuals[t]);
  std::sort(errors.begin(), errors.end());
  for (std::size_t j = 0; j < levels.size(); ++j) {
    const double tail = (1 - levels[j] / 100) / 2;
    const double lo = errors.empty() ? 0.0 : sampleQuantile(errors, tail);
    const double hi = errors.empty() ? 0.0 : sampleQuantile(errors, 1 - tail);
    const auto c = static_cast<Eigen::Index>(j);
    out.lower.col(c).setConstant(std::max(0.0, mean + lo));
    out.upper.col(c).setConstant(std::max(0.0, mean + hi));
  }
}

}  // namespace foresight::intermittent
