#include "engine/models/stats/DifferencingTests.h"

#include <algorithm>  // std::max, std::min
#include <cmath>      // std::abs, std::isfinite, std::isnan, std::sqrt

#include "engine/models/decomposition/Stl.h"
#include "engine/models/stats/KpssTest.h"

namespace foresight::stats {

namespace {
constexpr double kSeasonalStrengthThreshold = 0.64;  // forecast::nsdiffs, test = "seas"

double sampleVariance(const Eigen::VectorXd& v) {
  const double n = static_cast<double>(v.size());
  return (v.array() - v.mean()).square().sum() / (n - 1.0);
}

// True: difference; false: do not; NaN statistic: undecided (R's NA).
enum class Decision { Difference, Stop, Undecided };

Decision kpssDecision(const Eigen::VectorXd& x, double alpha) {
  const KpssResult r = kpssLevelTest(x, kpssDefaultLags(x.size()));
  if (std::isnan(r.pValue)) return Decision::Undecided;
  return r.pValue < alpha ? Decision::Difference : Decision::Stop;
}
}  // namespace

bool isConstant(const Eigen::VectorXd& x) {
  if (x.size() == 0) return true;
  const double first = x[0];
  double scale = 0.0, diff = 0.0;
  Eigen::Index kept = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (x[i] != first) ++kept;
  if (kept == 0) return true;
  const double N = static_cast<double>(kept);
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (x[i] != first) scale += std::abs(x[i]) / N;
  constexpr double tolerance = 1.4901161193847656e-08;  // sqrt(DBL_EPSILON)
  if (!(std::isfinite(scale) && scale > tolerance)) scale = 1.0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (x[i] != first) diff += std::abs(x[i] - first) / (N * scale);
  return !(std::isnan(diff) || diff > tolerance);
}

Eigen::VectorXd difference(const Eigen::VectorXd& x, int lag, int times) {
  Eigen::VectorXd out = x;
  for (int i = 0; i < times; ++i) {
    if (out.size() <= lag) return Eigen::VectorXd(0);
    const Eigen::Index n = out.size() - lag;
    out = (out.tail(n) - out.head(n)).eval();
  }
  return out;
}

int kpssDifferences(const Eigen::VectorXd& input, int maxD, double alpha) {
  Eigen::VectorXd x = input;
  int d = 0;
  if (isConstant(x)) return d;
  Decision decision = kpssDecision(x, alpha);
  if (decision == Decision::Undecided) return d;
  while (decision == Decision::Difference && d < maxD) {
    ++d;
    x = difference(x);
    if (isConstant(x)) return d;
    decision = kpssDecision(x, alpha);
    if (decision == Decision::Undecided) return d - 1;
  }
  return d;
}

double seasonalStrength(const Eigen::VectorXd& x, int period) {
  if (period < 2 || x.size() <= 2 * static_cast<Eigen::Index>(period)) return std::nan("");
  foresight::StlOptions options;
  options.period = period;
  options.seasonalWindow = 11;
  const Stl fit(x, options);
  const double strength = 1.0 - sampleVariance(fit.remainder()) / sampleVariance(fit.remainder() + fit.seasonal());
  if (std::isnan(strength)) return strength;  // R's max(0, min(1, NaN)) stays NaN
  return std::max(0.0, std::min(1.0, strength));
}

int seasonalDifferences(const Eigen::VectorXd& input, int period, int maxD) {
  Eigen::VectorXd x = input;
  int D = 0;
  if (isConstant(x) || period < 2 || period >= x.size()) return D;
  // R treats a failing test (too short for STL) as "no difference".
  auto test = [&](const Eigen::VectorXd& v) {
    const double s = seasonalStrength(v, period);
    return !std::isnan(s) && s > kSeasonalStrengthThreshold;
  };
  bool doDiff = test(x);
  while (doDiff && D < maxD) {
    ++D;
    x = difference(x, period);
    if (isConstant(x)) return D;
    doDiff = x.size() >= 2 * static_cast<Eigen::Index>(period) && D < maxD && test(x);
  }
  return D;
}

}  // namespace foresight::stats
