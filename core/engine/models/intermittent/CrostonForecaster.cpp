#include "engine/models/intermittent/CrostonForecaster.h"

#include <limits>

#include "engine/models/JsonFields.h"
#include "engine/models/intermittent/DemandSeries.h"
#include "engine/models/intermittent/EmpiricalErrors.h"

namespace foresight {

double CrostonForecaster::alpha() const { return config().getDouble("alpha"); }

double CrostonForecaster::correction() const {
  const std::string type = config().getString("type");
  const double a = alpha();
  if (type == "sba") return 1 - a / 2;
  if (type == "sbj") return 1 - a / (2 - a);
  return 1;
}

double CrostonForecaster::rate() const { return demands_ == 0 ? 0.0 : correction() * demand_ / interval_; }

void CrostonForecaster::step(double y) {
  ++sinceLast_;
  if (y == 0) return;
  const auto gap = static_cast<double>(sinceLast_);
  sinceLast_ = 0;
  // R's ses(initial = "simple"): the level starts at the first value.
  if (demands_++ == 0) {
    demand_ = y;
    interval_ = gap;
    return;
  }
  const double a = alpha();
  demand_ += a * (y - demand_);
  interval_ += a * (gap - interval_);
}

nlohmann::json CrostonForecaster::params() const {
  return {{"alpha", alpha()},       {"type", config().getString("type")}, {"demand", demand_},
          {"interval", interval_}, {"demands", demands_},                 {"rate", rate()}};
}

void CrostonForecaster::fitImpl(const Eigen::VectorXd& y) {
  intermittent::requireNonNegative("croston", info().series, y, info().frequency, info().start);
  demand_ = interval_ = 0;
  demands_ = sinceLast_ = 0;
  // As R: no fitted value for the first period, then each period's forecast
  // from the periods before it.
  Eigen::VectorXd fitted = Eigen::VectorXd::Constant(y.size(), FitStatistics::kNaN);
  for (Eigen::Index t = 0; t < y.size(); ++t) {
    if (t > 0) fitted[t] = rate();
    step(y[t]);
  }
  if (demands_ == 0) addWarning("croston: the series has no demand (all zero); the forecast is 0");
  setFitted(fitted);
  setStatistics(intermittent::errorStatistics(residuals(), 1));
}

void CrostonForecaster::forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const {
  intermittent::fillEmpiricalForecast(rate(), residuals(), horizon, levels, out);
}

void CrostonForecaster::updateImpl(const Eigen::VectorXd& newer) {
  intermittent::requireNonNegative("croston", info().series, newer, info().frequency,
                                   advancePeriod(info().frequency, info().end, 1));
  for (Eigen::Index t = 0; t < newer.size(); ++t) step(newer[t]);
}

nlohmann::json CrostonForecaster::saveStateImpl() const {
  return {{"demand", demand_}, {"interval", interval_}, {"demands", demands_}, {"since_last", sinceLast_}};
}

void CrostonForecaster::loadStateImpl(const nlohmann::json& state) {
  const double demand = json_fields::number(state, "demand");
  const double interval = json_fields::number(state, "interval");
  const int demands = json_fields::integer(state, "demands", 0, std::numeric_limits<int>::max());
  const int sinceLast = json_fields::integer(state, "since_last", 0, std::numeric_limits<int>::max());
  // Smoothed sizes are non-negative and smoothed gaps at least one period:
  // both are averages of such values.
  if (demands > 0 && !(demand > 0)) throw InputError(InputLocation{"", 0, "demand", ""}, "must be positive");
  if (demands > 0 && !(interval >= 1)) throw InputError(InputLocation{"", 0, "interval", ""}, "must be at least 1");
  demand_ = demand;
  interval_ = interval;
  demands_ = demands;
  sinceLast_ = sinceLast;
}

ModelInfo crostonModelInfo() {
  return {"croston",
          "Croston's method for intermittent demand (R forecast::croston); SBA and SBJ bias corrections; "
          "empirical intervals",
          {ParamSpec{"alpha", ParamType::Double, 0.1, 0.0, 1.0, {},
                     "Smoothing of the demand sizes and of the intervals between them (R's default 0.1)"},
           ParamSpec{"type", ParamType::Choice, "croston", std::nullopt, std::nullopt, {"croston", "sba", "sbj"},
                     "Bias correction: none, Syntetos-Boylan (1 - alpha/2), Shale-Boylan-Johnston"}},
          [](ModelConfig c) { return std::make_unique<CrostonForecaster>(std::move(c)); }};
}

}  // namespace foresight
