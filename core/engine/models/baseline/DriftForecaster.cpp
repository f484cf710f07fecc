#include "engine/models/baseline/DriftForecaster.h"

#include <cmath>  // std::sqrt

#include "engine/models/JsonFields.h"
#include "engine/models/PredictionIntervals.h"

namespace foresight {

void DriftForecaster::step(double y) {
  const double d = y - last_;
  ++count_;
  const double delta = d - slope_;
  slope_ += delta / static_cast<double>(count_);
  m2_ += delta * (d - slope_);
  last_ = y;
}

DriftForecaster::Spread DriftForecaster::spread() const {
  if (count_ == 0) return {0.0, 0.0};
  if (count_ == 1) {
    // One difference leaves no degree of freedom for the regression's
    // variance; use the naive estimate (the squared difference) instead.
    const double s2 = slope_ * slope_;
    return {s2, std::sqrt(s2)};
  }
  const auto k = static_cast<double>(count_);
  const double s2 = m2_ / (k - 1);
  return {s2, std::sqrt(s2 / k)};
}

nlohmann::json DriftForecaster::params() const {
  const Spread s = spread();
  return {{"drift", slope_}, {"drift_se", s.slopeSe}, {"sigma", std::sqrt(s.sigma2)}};
}

void DriftForecaster::publishStatistics() {
  FitStatistics s;
  s.sigma2 = count_ > 0 ? spread().sigma2 : FitStatistics::kNaN;
  s.nobs = static_cast<int>(count_);
  s.nparams = 2;
  setStatistics(s);
}

void DriftForecaster::fitImpl(const Eigen::VectorXd& y) {
  last_ = y[0];
  slope_ = m2_ = 0;
  count_ = 0;
  for (Eigen::Index t = 1; t < y.size(); ++t) step(y[t]);
  Eigen::VectorXd fitted = Eigen::VectorXd::Constant(y.size(), FitStatistics::kNaN);
  for (Eigen::Index t = 1; t < y.size(); ++t) fitted[t] = y[t - 1] + slope_;
  setFitted(std::move(fitted));
  if (count_ == 0)
    addWarning("drift: one observation gives no slope; forecasting flat with zero-width intervals");
  else if (count_ == 1)
    addWarning("drift: two observations leave no degree of freedom for the error variance; intervals use the "
               "squared difference as the variance");
  publishStatistics();
}

void DriftForecaster::forecastImpl(int horizon, const std::vector<double>&, Forecast& out) const {
  const Spread s = spread();
  Eigen::VectorXd se(horizon);
  for (int i = 0; i < horizon; ++i) {
    const double h = i + 1;
    out.mean[i] = last_ + h * slope_;
    se[i] = std::sqrt(s.sigma2 * h + h * h * s.slopeSe * s.slopeSe);
  }
  setNormalIntervals(out, se);
}

void DriftForecaster::updateImpl(const Eigen::VectorXd& newer) {
  for (Eigen::Index i = 0; i < newer.size(); ++i) step(newer[i]);
  publishStatistics();
}

nlohmann::json DriftForecaster::saveStateImpl() const {
  return {{"last", last_}, {"slope", slope_}, {"m2", m2_}, {"count", count_}};
}

void DriftForecaster::loadStateImpl(const nlohmann::json& state) {
  const double last = json_fields::number(state, "last");
  const double slope = json_fields::number(state, "slope");
  const double m2 = json_fields::number(state, "m2");
  if (m2 < 0) throw InputError(InputLocation{"", 0, "m2", ""}, "is negative");
  const int count = json_fields::integer(state, "count", 0, 1 << 30);
  last_ = last;
  slope_ = slope;
  m2_ = m2;
  count_ = count;
}

ModelInfo driftModelInfo() {
  return {"drift", "Random walk with drift: extends the line from the first to the last value (R rwf, drift)", {},
          [](ModelConfig c) { return std::make_unique<DriftForecaster>(std::move(c)); }};
}

}  // namespace foresight
