#include "engine/models/intermittent/SimpleSmoothing.h"

#include <limits>

#include "engine/models/optim/Brent.h"

namespace foresight::intermittent {

namespace {
double sumOfSquaredErrors(const Eigen::VectorXd& x, double alpha) {
  double level = x[0], sse = 0;
  for (Eigen::Index t = 1; t < x.size(); ++t) {
    const double e = x[t] - level;
    sse += e * e;
    level += alpha * e;
  }
  return sse;
}
}  // namespace

SmoothedSeries smoothSimple(const Eigen::VectorXd& x, double alpha) {
  SmoothedSeries s;
  s.alpha = alpha;
  s.fitted = Eigen::VectorXd::Constant(x.size(), std::numeric_limits<double>::quiet_NaN());
  s.level = x[0];
  for (Eigen::Index t = 1; t < x.size(); ++t) {
    s.fitted[t] = s.level;
    const double e = x[t] - s.level;
    s.sse += e * e;
    s.level += alpha * e;
  }
  return s;
}

SmoothedSeries smoothSimpleOptimised(const Eigen::VectorXd& x, double lower, double upper) {
  const auto best = optim::Brent::minimize([&](double a) { return sumOfSquaredErrors(x, a); }, lower, upper);
  return smoothSimple(x, best.x);
}

}  // namespace foresight::intermittent
