#include "engine/models/baseline/LagWalkForecaster.h"

#include <cmath>  // std::sqrt

#include "engine/models/JsonFields.h"
#include "engine/models/PredictionIntervals.h"

namespace foresight {

double LagWalkForecaster::sigma() const {
  return count_ > 0 ? std::sqrt(sumSquares_ / static_cast<double>(count_)) : 0.0;
}

nlohmann::json LagWalkForecaster::params() const { return {{"sigma", sigma()}}; }

void LagWalkForecaster::step(double y) {
  double& oldest = recent_[pos_];
  const double d = y - oldest;
  sumSquares_ += d * d;
  ++count_;
  oldest = y;
  pos_ = (pos_ + 1) % recent_.size();
}

void LagWalkForecaster::publishStatistics() {
  FitStatistics s;
  s.sigma2 = count_ > 0 ? sumSquares_ / static_cast<double>(count_) : FitStatistics::kNaN;
  s.nobs = static_cast<int>(count_);
  s.nparams = 1;
  setStatistics(s);
}

void LagWalkForecaster::fitImpl(const Eigen::VectorXd& y) {
  lag_ = chooseLag(y.size());
  const auto lag = static_cast<Eigen::Index>(lag_);
  recent_.assign(y.data(), y.data() + lag);
  pos_ = 0;
  sumSquares_ = 0;
  count_ = 0;
  Eigen::VectorXd fitted = Eigen::VectorXd::Constant(y.size(), FitStatistics::kNaN);
  for (Eigen::Index t = lag; t < y.size(); ++t) {
    fitted[t] = y[t - lag];
    step(y[t]);
  }
  setFitted(std::move(fitted));
  if (count_ == 0)
    addWarning("only " + std::to_string(y.size()) + " observation(s): no differences to estimate the " +
               "error variance, so prediction intervals have zero width");
  publishStatistics();
}

void LagWalkForecaster::forecastImpl(int horizon, const std::vector<double>&, Forecast& out) const {
  const double s = sigma();
  Eigen::VectorXd se(horizon);
  for (int i = 0; i < horizon; ++i) {
    out.mean[i] = recent_[(pos_ + static_cast<std::size_t>(i)) % recent_.size()];
    se[i] = s * std::sqrt(static_cast<double>(i / lag_ + 1));  // full seasons elapsed
  }
  setNormalIntervals(out, se);
}

void LagWalkForecaster::updateImpl(const Eigen::VectorXd& newer) {
  for (Eigen::Index i = 0; i < newer.size(); ++i) step(newer[i]);
  publishStatistics();
}

nlohmann::json LagWalkForecaster::saveStateImpl() const {
  // Written oldest first so that the state reads naturally and loads with pos 0.
  Eigen::VectorXd ordered(static_cast<Eigen::Index>(recent_.size()));
  for (std::size_t i = 0; i < recent_.size(); ++i)
    ordered[static_cast<Eigen::Index>(i)] = recent_[(pos_ + i) % recent_.size()];
  return {{"lag", lag_}, {"recent", json_fields::toJson(ordered)}, {"sum_squares", sumSquares_},
          {"count", count_}};
}

void LagWalkForecaster::loadStateImpl(const nlohmann::json& state) {
  const int lag = json_fields::integer(state, "lag", 1, 1 << 20);
  const Eigen::VectorXd recent = json_fields::finiteVector(state, "recent");
  if (recent.size() != lag)
    throw InputError(InputLocation{"", 0, "recent", ""},
                     "holds " + std::to_string(recent.size()) + " values; lag is " + std::to_string(lag));
  const double sumSquares = json_fields::number(state, "sum_squares");
  if (sumSquares < 0) throw InputError(InputLocation{"", 0, "sum_squares", ""}, "is negative");
  const int count = json_fields::integer(state, "count", 0, 1 << 30);
  lag_ = lag;
  recent_.assign(recent.data(), recent.data() + recent.size());
  pos_ = 0;
  sumSquares_ = sumSquares;
  count_ = count;
}

}  // namespace foresight
