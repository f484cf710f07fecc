#include "engine/models/PredictionIntervals.h"

#include "engine/models/Distributions.h"

namespace foresight {

namespace {
template <class Quantile>
void setIntervals(Forecast& out, const Eigen::VectorXd& se, Quantile quantile) {
  const auto levels = static_cast<Eigen::Index>(out.levels.size());
  out.lower.resize(out.mean.size(), levels);
  out.upper.resize(out.mean.size(), levels);
  for (Eigen::Index j = 0; j < levels; ++j) {
    const double q = quantile(0.5 + out.levels[static_cast<std::size_t>(j)] / 200.0);
    out.lower.col(j) = out.mean - q * se;
    out.upper.col(j) = out.mean + q * se;
  }
}
}  // namespace

void setNormalIntervals(Forecast& out, const Eigen::VectorXd& se) {
  setIntervals(out, se, [](double p) { return normalQuantile(p); });
}

void setStudentIntervals(Forecast& out, const Eigen::VectorXd& se, double df) {
  setIntervals(out, se, [df](double p) { return studentTQuantile(p, df); });
}

}  // namespace foresight
