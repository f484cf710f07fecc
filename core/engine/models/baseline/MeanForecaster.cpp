#include "engine/models/baseline/MeanForecaster.h"

#include <cmath>  // std::sqrt

#include "engine/models/JsonFields.h"
#include "engine/models/PredictionIntervals.h"

namespace foresight {

void MeanForecaster::step(double y) {
  ++count_;
  const double delta = y - mean_;
  mean_ += delta / static_cast<double>(count_);
  m2_ += delta * (y - mean_);
}

double MeanForecaster::sd() const {
  return count_ > 1 ? std::sqrt(m2_ / static_cast<double>(count_ - 1)) : 0.0;
}

nlohmann::json MeanForecaster::params() const { return {{"mean", mean_}, {"sd", sd()}, {"n", count_}}; }

void MeanForecaster::publishStatistics() {
  FitStatistics s;
  s.sigma2 = count_ > 1 ? sd() * sd() : FitStatistics::kNaN;
  s.nobs = static_cast<int>(count_);
  s.nparams = 2;
  setStatistics(s);
}

void MeanForecaster::fitImpl(const Eigen::VectorXd& y) {
  mean_ = m2_ = 0;
  count_ = 0;
  for (Eigen::Index t = 0; t < y.size(); ++t) step(y[t]);
  setFitted(Eigen::VectorXd::Constant(y.size(), mean_));
  if (count_ == 1)
    addWarning("mean: one observation gives no standard deviation; prediction intervals have zero width");
  publishStatistics();
}

void MeanForecaster::forecastImpl(int horizon, const std::vector<double>&, Forecast& out) const {
  out.mean.setConstant(horizon, mean_);
  if (count_ < 2) {
    out.lower.setConstant(horizon, static_cast<Eigen::Index>(out.levels.size()), mean_);
    out.upper = out.lower;
    return;
  }
  const double n = static_cast<double>(count_);
  // A new value's deviation from the estimated mean: sd * sqrt(1 + 1/n).
  const Eigen::VectorXd se = Eigen::VectorXd::Constant(horizon, sd() * std::sqrt(1 + 1 / n));
  setStudentIntervals(out, se, n - 1);
}

void MeanForecaster::updateImpl(const Eigen::VectorXd& newer) {
  for (Eigen::Index i = 0; i < newer.size(); ++i) step(newer[i]);
  publishStatistics();
}

nlohmann::json MeanForecaster::saveStateImpl() const {
  return {{"mean", mean_}, {"m2", m2_}, {"count", count_}};
}

void MeanForecaster::loadStateImpl(const nlohmann::json& state) {
  const double mean = json_fields::number(state, "mean");
  const double m2 = json_fields::number(state, "m2");
  if (m2 < 0) throw InputError(InputLocation{"", 0, "m2", ""}, "is negative");
  const int count = json_fields::integer(state, "count", 1, 1 << 30);
  mean_ = mean;
  m2_ = m2;
  count_ = count;
}

ModelInfo meanModelInfo() {
  return {"mean", "Mean of the data with Student-t intervals (R forecast::meanf)", {},
          [](ModelConfig c) { return std::make_unique<MeanForecaster>(std::move(c)); }};
}

}  // namespace foresight
