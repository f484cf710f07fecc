#include "engine/models/theta/Naive2Forecaster.h"

#include <cmath>   // std::sqrt, std::isfinite
#include <limits>  // quiet_NaN

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/PredictionIntervals.h"
#include "engine/models/SeriesCleaning.h"

namespace foresight {

double Naive2Forecaster::sigma2() const { return count_ > 0 ? sumSquares_ / static_cast<double>(count_) : 0.0; }

nlohmann::json Naive2Forecaster::params() const {
  return {{"sigma", std::sqrt(sigma2())},
          {"seasonal", seasonal_.active()},
          {"period", seasonal_.period()},
          {"seasonal_indices", json_fields::toJson(seasonal_.figure())},
          {"seasonality", seasonal_.reason()}};
}

void Naive2Forecaster::publishStatistics() {
  FitStatistics s;
  s.sigma2 = count_ > 0 ? sigma2() : FitStatistics::kNaN;
  s.nobs = static_cast<int>(count_);
  s.nparams = 1 + (seasonal_.active() ? seasonal_.period() - 1 : 0);
  setStatistics(s);
}

void Naive2Forecaster::fitImpl(const Eigen::VectorXd& y) {
  std::vector<std::string> notes;
  const SeasonalMode mode = parseSeasonalMode(config().getString("seasonal")).value_or(SeasonalMode::Auto);
  seasonal_ = SeasonalAdjustment::choose(y, seasonalPeriod(), mode, SeasonalityRule::M4, notes);
  for (auto& n : notes) addWarning("naive2: " + n);

  const Eigen::VectorXd x = seasonal_.adjust(y, 0);
  Eigen::VectorXd fitted = Eigen::VectorXd::Constant(y.size(), std::numeric_limits<double>::quiet_NaN());
  sumSquares_ = 0;
  count_ = 0;
  for (Eigen::Index t = 1; t < x.size(); ++t) {
    fitted[t] = x[t - 1] * seasonal_.indexAt(t);
    sumSquares_ += (x[t] - x[t - 1]) * (x[t] - x[t - 1]);
    ++count_;
  }
  if (!std::isfinite(sumSquares_))
    throw InputError("naive2: the squared differences of the data overflow double precision arithmetic (largest |y| = " +
                     formatValue(y.cwiseAbs().maxCoeff()) + "); rescale the data");
  last_ = x[x.size() - 1];
  n_ = x.size();
  setFitted(std::move(fitted));
  if (count_ == 0)
    addWarning("naive2: one observation gives no differences to estimate the error variance; prediction "
               "intervals have zero width");
  publishStatistics();
}

void Naive2Forecaster::forecastImpl(int horizon, const std::vector<double>&, Forecast& out) const {
  const double sigma = std::sqrt(sigma2());
  Eigen::VectorXd se(horizon);
  for (int j = 0; j < horizon; ++j) se[j] = sigma * std::sqrt(static_cast<double>(j + 1));
  out.mean.setConstant(last_);
  setNormalIntervals(out, se);
  const Eigen::VectorXd index = seasonal_.indices(n_, horizon);
  out.mean = out.mean.cwiseProduct(index);
  for (Eigen::Index j = 0; j < out.lower.cols(); ++j) {
    out.lower.col(j) = out.lower.col(j).cwiseProduct(index);
    out.upper.col(j) = out.upper.col(j).cwiseProduct(index);
  }
}

void Naive2Forecaster::updateImpl(const Eigen::VectorXd& newer) {
  for (Eigen::Index i = 0; i < newer.size(); ++i) {
    const double x = newer[i] / seasonal_.indexAt(n_);
    sumSquares_ += (x - last_) * (x - last_);
    ++count_;
    last_ = x;
    ++n_;
  }
  publishStatistics();
}

nlohmann::json Naive2Forecaster::saveStateImpl() const {
  return {{"last", last_}, {"n", n_}, {"sum_squares", sumSquares_}, {"count", count_},
          {"seasonal", seasonal_.toJson()}};
}

void Naive2Forecaster::loadStateImpl(const nlohmann::json& state) {
  const double last = json_fields::number(state, "last");
  const int n = json_fields::integer(state, "n", 1, std::numeric_limits<int>::max());
  const double sumSquares = json_fields::number(state, "sum_squares");
  if (sumSquares < 0) throw InputError(InputLocation{"", 0, "sum_squares", ""}, "is negative");
  const int count = json_fields::integer(state, "count", 0, n - 1);
  SeasonalAdjustment seasonal =
      json_fields::underPath("seasonal", [&] { return SeasonalAdjustment::fromJson(json_fields::field(state, "seasonal")); });
  last_ = last;
  n_ = n;
  sumSquares_ = sumSquares;
  count_ = count;
  seasonal_ = std::move(seasonal);
  publishStatistics();
}

ModelInfo naive2ModelInfo() {
  return {"naive2",
          "M4 Naive2 benchmark: random walk on multiplicatively deseasonalised data (M4 seasonality test)",
          {ParamSpec{"seasonal", ParamType::Choice, "auto", {}, {}, {"auto", "multiplicative", "none"},
                     "auto: deseasonalise when the M4 seasonality test (90%, lag-period ACF, n >= 3 periods) "
                     "says so; multiplicative: always; none: never (plain naive)"},
           ParamSpec{"period", ParamType::Int, nullptr, 1.0, 10000.0, {},
                     "Seasonal period; auto = the frequency's usual period (D 7, W 52, M 12, Q 4, Y 1)"}},
          [](ModelConfig c) { return std::make_unique<Naive2Forecaster>(std::move(c)); }};
}

}  // namespace foresight
