#include "engine/models/baseline/MovingAverageForecaster.h"

#include <cmath>  // std::sqrt

#include "engine/models/JsonFields.h"
#include "engine/models/PredictionIntervals.h"

namespace foresight {

double MovingAverageForecaster::windowMean() const {
  double sum = 0;
  for (std::size_t i = 0; i < recent_.size(); ++i) sum += recent_[(pos_ + i) % recent_.size()];
  return sum / static_cast<double>(recent_.size());
}

double MovingAverageForecaster::sigma() const {
  return count_ > 0 ? std::sqrt(sumSquares_ / static_cast<double>(count_)) : 0.0;
}

nlohmann::json MovingAverageForecaster::params() const {
  return {{"window", recent_.size()}, {"level", windowMean()}, {"sigma", sigma()}};
}

void MovingAverageForecaster::step(double y) {
  const double e = y - windowMean();
  sumSquares_ += e * e;
  ++count_;
  recent_[pos_] = y;
  pos_ = (pos_ + 1) % recent_.size();
}

void MovingAverageForecaster::publishStatistics() {
  FitStatistics s;
  s.sigma2 = count_ > 0 ? sumSquares_ / static_cast<double>(count_) : FitStatistics::kNaN;
  s.nobs = static_cast<int>(count_);
  s.nparams = 1;
  setStatistics(s);
}

void MovingAverageForecaster::fitImpl(const Eigen::VectorXd& y) {
  Eigen::Index window = config().getInt("window");
  if (window > y.size()) {
    addWarning("moving_average: window " + std::to_string(window) + " is longer than the " +
               std::to_string(y.size()) + " observations; averaging all of them");
    window = y.size();
  }
  recent_.assign(y.data(), y.data() + window);
  pos_ = 0;
  sumSquares_ = 0;
  count_ = 0;
  Eigen::VectorXd fitted = Eigen::VectorXd::Constant(y.size(), FitStatistics::kNaN);
  for (Eigen::Index t = window; t < y.size(); ++t) {
    fitted[t] = windowMean();
    step(y[t]);
  }
  setFitted(std::move(fitted));
  if (count_ == 0)
    addWarning("moving_average: no one-step errors to estimate the variance; prediction intervals have zero width");
  publishStatistics();
}

void MovingAverageForecaster::forecastImpl(int horizon, const std::vector<double>&, Forecast& out) const {
  out.mean.setConstant(horizon, windowMean());
  setNormalIntervals(out, Eigen::VectorXd::Constant(horizon, sigma()));
}

void MovingAverageForecaster::updateImpl(const Eigen::VectorXd& newer) {
  for (Eigen::Index i = 0; i < newer.size(); ++i) step(newer[i]);
  publishStatistics();
}

nlohmann::json MovingAverageForecaster::saveStateImpl() const {
  Eigen::VectorXd ordered(static_cast<Eigen::Index>(recent_.size()));
  for (std::size_t i = 0; i < recent_.size(); ++i)
    ordered[static_cast<Eigen::Index>(i)] = recent_[(pos_ + i) % recent_.size()];
  return {{"recent", json_fields::toJson(ordered)}, {"sum_squares", sumSquares_}, {"count", count_}};
}

void MovingAverageForecaster::loadStateImpl(const nlohmann::json& state) {
  const Eigen::VectorXd recent = json_fields::finiteVector(state, "recent");
  if (recent.size() == 0 || recent.size() > config().getInt("window"))
    throw InputError(InputLocation{"", 0, "recent", ""},
                     "holds " + std::to_string(recent.size()) + " values; expected 1 to the window " +
                         std::to_string(config().getInt("window")));
  const double sumSquares = json_fields::number(state, "sum_squares");
  if (sumSquares < 0) throw InputError(InputLocation{"", 0, "sum_squares", ""}, "is negative");
  const int count = json_fields::integer(state, "count", 0, 1 << 30);
  recent_.assign(recent.data(), recent.data() + recent.size());
  pos_ = 0;
  sumSquares_ = sumSquares;
  count_ = count;
}

ModelInfo movingAverageModelInfo() {
  return {"moving_average",
          "Mean of the last `window` observations; intervals from the one-step errors",
          {ParamSpec{"window", ParamType::Int, 3, 1.0, 10000.0, {}, "Number of most recent observations averaged"}},
          [](ModelConfig c) { return std::make_unique<MovingAverageForecaster>(std::move(c)); }};
}

}  // namespace foresight
