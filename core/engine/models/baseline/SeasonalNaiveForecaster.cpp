#include "engine/models/baseline/SeasonalNaiveForecaster.h"

namespace foresight {

nlohmann::json SeasonalNaiveForecaster::params() const {
  nlohmann::json p = LagWalkForecaster::params();
  p["period"] = lag();
  return p;
}

int SeasonalNaiveForecaster::chooseLag(Eigen::Index n) {
  const int period = seasonalPeriod();
  // One season gives no seasonal difference and so no error variance; below
  // two seasons the seasonal pattern is a single noisy copy, so use naive.
  if (period > 1 && n < 2 * static_cast<Eigen::Index>(period)) {
    addWarning("snaive: " + std::to_string(n) + " observations are less than two seasons of period " +
               std::to_string(period) + "; forecasting with naive (lag 1) instead");
    return 1;
  }
  return period;
}

ModelInfo seasonalNaiveModelInfo() {
  return {"snaive",
          "Seasonal random walk: repeats the last season (R forecast::snaive)",
          {ParamSpec{"period", ParamType::Int, nullptr, 1.0, 10000.0, {},
                     "Seasonal period; auto = the frequency's usual period (D 7, W 52, M 12, Q 4, Y 1)"}},
          [](ModelConfig c) { return std::make_unique<SeasonalNaiveForecaster>(std::move(c)); }};
}

}  // namespace foresight
