#include "engine/models/intermittent/ImapaForecaster.h"

#include <cmath>  // std::isnan
#include <optional>

#include "engine/models/JsonFields.h"
#include "engine/models/intermittent/DemandSeries.h"
#include "engine/models/intermittent/EmpiricalErrors.h"

namespace foresight {

double ImapaForecaster::rate() const {
  double sum = 0;
  for (const auto& level : levels_) sum += level.rate();
  return levels_.empty() ? 0.0 : sum / static_cast<double>(levels_.size());
}

nlohmann::json ImapaForecaster::params() const {
  nlohmann::json alphas = nlohmann::json::array();
  for (const auto& level : levels_) alphas.push_back(level.alpha());
  return {{"max_level", levels_.size()}, {"alphas", alphas}, {"rate", rate()}};
}

void ImapaForecaster::fitImpl(const Eigen::VectorXd& y) {
  intermittent::requireNonNegative("imapa", info().series, y, info().frequency, info().start);
  int top = intermittent::aggregationLevel(y);
  if (!config().isAuto("max_level")) {
    top = config().getInt("max_level");
    if (top > y.size()) {
      addWarning("imapa: max_level " + std::to_string(top) + " is longer than the series (" +
                 std::to_string(y.size()) + " periods); levels stop at " + std::to_string(y.size()));
      top = static_cast<int>(y.size());
    }
  }
  const std::optional<double> alpha =
      config().isAuto("alpha") ? std::nullopt : std::optional<double>(config().getDouble("alpha"));
  levels_.clear();
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(y.size());
  Eigen::VectorXd count = Eigen::VectorXd::Zero(y.size());
  for (int k = 1; k <= top; ++k) {
    checkCancelled();
    Eigen::VectorXd fitted;
    levels_.push_back(intermittent::AggregatedSmoothing::fit(y, k, alpha, fitted));
    for (Eigen::Index t = 0; t < y.size(); ++t)
      if (!std::isnan(fitted[t])) {
        sum[t] += fitted[t];
        count[t] += 1;
      }
  }
  Eigen::VectorXd fitted(y.size());
  for (Eigen::Index t = 0; t < y.size(); ++t) fitted[t] = count[t] > 0 ? sum[t] / count[t] : FitStatistics::kNaN;
  if ((y.array() == 0).all()) addWarning("imapa: the series has no demand (all zero); the forecast is 0");
  setFitted(fitted);
  setStatistics(intermittent::errorStatistics(residuals(), alpha ? 0 : top));
}

void ImapaForecaster::forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const {
  intermittent::fillEmpiricalForecast(rate(), residuals(), horizon, levels, out);
}

void ImapaForecaster::updateImpl(const Eigen::VectorXd& newer) {
  intermittent::requireNonNegative("imapa", info().series, newer, info().frequency,
                                   advancePeriod(info().frequency, info().end, 1));
  for (auto& level : levels_)
    for (Eigen::Index t = 0; t < newer.size(); ++t) level.add(newer[t]);
}

nlohmann::json ImapaForecaster::saveStateImpl() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& level : levels_) list.push_back(level.save());
  return {{"levels", list}};
}

void ImapaForecaster::loadStateImpl(const nlohmann::json& state) {
  const nlohmann::json& list = json_fields::field(state, "levels");
  if (!list.is_array() || list.empty())
    throw InputError(InputLocation{"", 0, "levels", ""}, "must be a non-empty array");
  std::vector<intermittent::AggregatedSmoothing> loaded;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = "levels[" + std::to_string(i) + "]";
    loaded.push_back(json_fields::underPath(path, [&] { return intermittent::AggregatedSmoothing::load(list[i]); }));
    if (loaded.back().level() != static_cast<int>(i) + 1)
      throw InputError(InputLocation{"", 0, path + ".level", ""}, "must be " + std::to_string(i + 1));
  }
  levels_ = std::move(loaded);
}

ModelInfo imapaModelInfo() {
  return {"imapa",
          "IMAPA: ADIDA at every aggregation level up to the mean demand interval, averaged; empirical "
          "intervals",
          {ParamSpec{"max_level", ParamType::Int, nullptr, 1.0, 1000.0, {},
                     "Highest aggregation level (auto: the mean interval between demands, rounded)"},
           ParamSpec{"alpha", ParamType::Double, nullptr, 0.0, 1.0, {},
                     "SES smoothing at every level (auto: least squares within [0.1, 0.3], per level)"}},
          [](ModelConfig c) { return std::make_unique<ImapaForecaster>(std::move(c)); }};
}

}  // namespace foresight
