#include "engine/models/decomposition/ClassicalDecomposition.h"

#include <cmath>   // std::isfinite, std::fabs
#include <limits>  // quiet_NaN
#include <string>
#include <vector>

#include "engine/common/Errors.h"

namespace foresight {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// R's filter(x, f, sides = 2): out[i] = sum_j f[j] * x[i + offset - j], NaN
// where the window leaves the data. Summed in R's order.
Eigen::VectorXd centredMovingAverage(const Eigen::VectorXd& x, int period) {
  std::vector<double> weights;
  if (period % 2 == 0) {
    weights.assign(static_cast<std::size_t>(period) + 1, 1.0 / period);
    weights.front() = weights.back() = 0.5 / period;
  } else {
    weights.assign(static_cast<std::size_t>(period), 1.0 / period);
  }
  const auto width = static_cast<Eigen::Index>(weights.size());
  const Eigen::Index offset = width / 2;
  const Eigen::Index n = x.size();
  Eigen::VectorXd out = Eigen::VectorXd::Constant(n, kNaN);
  for (Eigen::Index i = offset; i + width - 1 - offset < n; ++i) {
    double sum = 0;
    for (Eigen::Index j = 0; j < width; ++j) sum += weights[static_cast<std::size_t>(j)] * x[i + offset - j];
    out[i] = sum;
  }
  return out;
}

}  // namespace

ClassicalDecomposition::ClassicalDecomposition(const Eigen::VectorXd& y, int period, DecompositionType type)
    : y_(y), period_(period), type_(type) {
  if (period < 2)
    throw InputError("classical decomposition needs a seasonal period of at least 2, got " + std::to_string(period));
  if (y.size() < 2 * static_cast<Eigen::Index>(period))
    throw InputError("classical decomposition at period " + std::to_string(period) + " needs at least " +
                     std::to_string(2 * period) + " observations (two full periods), got " + std::to_string(y.size()));
  if (!y.allFinite()) throw InputError("classical decomposition needs finite values only");

  const bool multiplicative = type == DecompositionType::Multiplicative;
  trend_ = centredMovingAverage(y, period);
  figure_.resize(period);
  for (int k = 0; k < period; ++k) {
    double sum = 0;
    int count = 0;
    for (Eigen::Index t = k; t < y.size(); t += period) {
      if (std::isnan(trend_[t])) continue;
      if (multiplicative && trend_[t] == 0) continue;
      sum += multiplicative ? y[t] / trend_[t] : y[t] - trend_[t];
      ++count;
    }
    figure_[k] = count > 0 ? sum / count : kNaN;
  }
  const double centre = figure_.mean();
  if (multiplicative)
    figure_ /= centre;
  else
    figure_.array() -= centre;
}

Eigen::VectorXd ClassicalDecomposition::indices(Eigen::Index first, Eigen::Index count) const {
  Eigen::VectorXd s(count);
  for (Eigen::Index i = 0; i < count; ++i) s[i] = indexAt(first + i);
  return s;
}

Eigen::VectorXd ClassicalDecomposition::adjusted() const {
  const Eigen::VectorXd s = seasonal();
  if (type_ == DecompositionType::Multiplicative) return y_.cwiseQuotient(s);
  return y_ - s;
}

Eigen::VectorXd ClassicalDecomposition::remainder() const {
  const Eigen::VectorXd s = seasonal();
  if (type_ == DecompositionType::Multiplicative) return y_.cwiseQuotient(s).cwiseQuotient(trend_);
  return y_ - s - trend_;
}

bool ClassicalDecomposition::isUsable(double minAbsIndex) const {
  if (!figure_.allFinite()) return false;
  if (type_ == DecompositionType::Additive) return true;
  return figure_.cwiseAbs().minCoeff() >= minAbsIndex;
}

}  // namespace foresight
