#include "engine/models/intermittent/AdidaForecaster.h"

#include <optional>

#include "engine/models/JsonFields.h"
#include "engine/models/intermittent/DemandSeries.h"
#include "engine/models/intermittent/EmpiricalErrors.h"

namespace foresight {

nlohmann::json AdidaForecaster::params() const {
  return {{"level", aggregate_.level()}, {"alpha", aggregate_.alpha()}, {"rate", aggregate_.rate()}};
}

void AdidaForecaster::fitImpl(const Eigen::VectorXd& y) {
  intermittent::requireNonNegative("adida", info().series, y, info().frequency, info().start);
  int k = intermittent::aggregationLevel(y);
  if (!config().isAuto("level")) {
    k = config().getInt("level");
    if (k > y.size()) {
      addWarning("adida: level " + std::to_string(k) + " is longer than the series (" + std::to_string(y.size()) +
                 " periods); aggregating over the whole series instead");
      k = static_cast<int>(y.size());
    }
  }
  const std::optional<double> alpha =
      config().isAuto("alpha") ? std::nullopt : std::optional<double>(config().getDouble("alpha"));
  Eigen::VectorXd fitted;
  aggregate_ = intermittent::AggregatedSmoothing::fit(y, k, alpha, fitted);
  if ((y.array() == 0).all()) addWarning("adida: the series has no demand (all zero); the forecast is 0");
  setFitted(fitted);
  setStatistics(intermittent::errorStatistics(residuals(), alpha ? 0 : 1));
}

void AdidaForecaster::forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const {
  intermittent::fillEmpiricalForecast(aggregate_.rate(), residuals(), horizon, levels, out);
}

void AdidaForecaster::updateImpl(const Eigen::VectorXd& newer) {
  intermittent::requireNonNegative("adida", info().series, newer, info().frequency,
                                   advancePeriod(info().frequency, info().end, 1));
  for (Eigen::Index t = 0; t < newer.size(); ++t) aggregate_.add(newer[t]);
}

nlohmann::json AdidaForecaster::saveStateImpl() const { return {{"aggregation", aggregate_.save()}}; }

void AdidaForecaster::loadStateImpl(const nlohmann::json& state) {
  aggregate_ = json_fields::underPath("aggregation", [&] {
    return intermittent::AggregatedSmoothing::load(json_fields::field(state, "aggregation"));
  });
}

ModelInfo adidaModelInfo() {
  return {"adida",
          "ADIDA: demand summed over buckets of the mean demand interval, forecast by SES, spread back "
          "evenly; empirical intervals",
          {ParamSpec{"level", ParamType::Int, nullptr, 1.0, 100000.0, {},
                     "Periods per bucket (auto: the mean interval between demands, rounded)"},
           ParamSpec{"alpha", ParamType::Double, nullptr, 0.0, 1.0, {},
                     "SES smoothing of the bucket totals (auto: least squares within [0.1, 0.3])"}},
          [](ModelConfig c) { return std::make_unique<AdidaForecaster>(std::move(c)); }};
}

}  // namespace foresight
