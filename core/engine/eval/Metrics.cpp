#include "engine/eval/Metrics.h"

#include <cmath>      // std::fabs, std::sqrt, std::isfinite
#include <string>

namespace foresight {

namespace {

// Quantile (pinball) loss of quantile forecast q at probability tau.
double pinballLoss(double tau, double q, double y) {
  return y >= q ? tau * (y - q) : (1.0 - tau) * (q - y);
}

IntervalScores intervalScores(const ScoredPoints& p, Eigen::Index col,
                              const std::vector<Eigen::Index>& rows) {
  IntervalScores s;
  s.level = p.levels[static_cast<std::size_t>(col)];
  if (rows.empty()) return s;
  const double alpha = 1.0 - s.level / 100.0;
  double inside = 0.0, winkler = 0.0, pinball = 0.0;
  for (Eigen::Index i : rows) {
    const double y = p.actual[i], lo = p.lower(i, col), hi = p.upper(i, col);
    if (y >= lo && y <= hi) inside += 1.0;
    winkler += hi - lo;
    if (y < lo) winkler += 2.0 / alpha * (lo - y);
    if (y > hi) winkler += 2.0 / alpha * (y - hi);
    pinball += 0.5 * (pinballLoss(alpha / 2.0, lo, y) + pinballLoss(1.0 - alpha / 2.0, hi, y));
  }
  const auto n = static_cast<double>(rows.size());
  s.coverage = inside / n;
  s.winkler = winkler / n;
  s.pinball = pinball / n;
  return s;
}

}  // namespace

MetricValues Metrics::compute(const ScoredPoints& p) {
  MetricValues m;
  std::vector<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < p.size(); ++i)
    if (std::isfinite(p.actual[i])) rows.push_back(i);
  const auto missing = static_cast<std::size_t>(p.size()) - rows.size();
  if (missing > 0) m.notes.push_back(std::to_string(missing) + " missing actual(s) left out");
  m.points = static_cast<int>(rows.size());
  for (Eigen::Index c = 0; c < static_cast<Eigen::Index>(p.levels.size()); ++c)
    m.intervals.push_back(intervalScores(p, c, rows));
  if (rows.empty()) {
    m.notes.push_back("no actual values to score");
    return m;
  }

  const auto n = static_cast<double>(rows.size());
  double sumAbs = 0.0, sumSq = 0.0, sumErr = 0.0, sumSmape = 0.0, sumApe = 0.0;
  double sumScaledAbs = 0.0, sumScaledSq = 0.0, sumActual = 0.0;
  bool zeroActual = false, noScale = false;
  for (Eigen::Index i : rows) {
    const double y = p.actual[i], f = p.forecast[i], e = y - f;
    sumErr += e;
    sumAbs += std::fabs(e);
    sumSq += e * e;
    sumActual += y;
    // Both zero: a perfect forecast of zero, not 0/0.
    const double denom = std::fabs(y) + std::fabs(f);
    if (denom > 0.0) sumSmape += 200.0 * std::fabs(e) / denom;
    if (y == 0.0) zeroActual = true;
    else sumApe += std::fabs(e / y);
    if (!(p.scaleAbs[i] > 0.0) || !(p.scaleSq[i] > 0.0) || !std::isfinite(p.scaleAbs[i])) {
      noScale = true;
    } else {
      sumScaledAbs += std::fabs(e) / p.scaleAbs[i];
      sumScaledSq += e * e / p.scaleSq[i];
    }
  }
  m.mae = sumAbs / n;
  m.rmse = std::sqrt(sumSq / n);
  m.bias = sumErr / n;
  m.smape = sumSmape / n;
  if (zeroActual) m.notes.push_back("MAPE undefined: an actual value is zero");
  else m.mape = 100.0 * sumApe / n;
  if (noScale) {
    m.notes.push_back(
        "MASE and RMSSE undefined: the training window has no in-sample seasonal naive error "
        "(too short for the period, or constant)");
  } else {
    m.mase = sumScaledAbs / n;
    m.rmsse = std::sqrt(sumScaledSq / n);
  }
  const double meanActual = sumActual / n;
  double sst = 0.0;
  for (Eigen::Index i : rows) sst += (p.actual[i] - meanActual) * (p.actual[i] - meanActual);
  if (sst > 0.0) m.r2 = 1.0 - sumSq / sst;
  else m.notes.push_back("R2 undefined: the actual values do not vary");
  return m;
}

}  // namespace foresight
