#include "engine/models/Forecaster.h"

#include <algorithm>  // std::sort, std::unique
#include <cmath>      // std::isnan, std::isfinite, std::fabs
#include <limits>     // quiet_NaN

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/SeriesCleaning.h"

namespace foresight {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string seriesLabel(const std::string& name) { return name.empty() ? "series" : "series '" + name + "'"; }

// The JSON path of the first number in `j` that is not finite; empty if none.
std::string firstNonFinite(const nlohmann::json& j, const std::string& path) {
  if (j.is_number_float() && !std::isfinite(j.get<double>())) return path.empty() ? "(value)" : path;
  if (j.is_object())
    for (const auto& [k, v] : j.items())
      if (std::string p = firstNonFinite(v, path.empty() ? k : path + "." + k); !p.empty()) return p;
  if (j.is_array())
    for (std::size_t i = 0; i < j.size(); ++i)
      if (std::string p = firstNonFinite(j[i], path + "[" + std::to_string(i) + "]"); !p.empty()) return p;
  return {};
}
}  // namespace

std::string Forecaster::specText() const {
  if (const ModelInfo* info = ModelFactory::lookup(name())) return config_.toSpecText(name(), info->params);
  // A model outside the factory (tests): write every value.
  ModelSpec spec{name(), {}};
  for (const auto& [k, v] : config_.values().items())
    spec.args.emplace_back(k, v.is_string() ? v.get<std::string>() : v.is_null() ? "auto" : v.dump());
  return spec.toString();
}

int Forecaster::seasonalPeriod() const {
  const auto& values = config_.values();
  const auto it = values.find("period");
  if (it != values.end() && it->is_number_integer()) return it->get<int>();
  return defaultSeasonalPeriod(info_.frequency);
}

TimeSeries Forecaster::seenData() const { return TimeSeries{info_.series, info_.frequency, info_.start, y_}; }

Eigen::VectorXd Forecaster::residuals() const {
  return y_.head(fitted_values_.size()) - fitted_values_;
}

void Forecaster::fit(const TimeSeries& y, const CancellationToken* cancel) {
  fitted_ = false;
  if (cancel) cancel->throwIfCancelled();
  // The token lives only as long as this call; clear it however fitImpl() ends.
  cancel_ = cancel;
  struct TokenScope {
    const CancellationToken*& slot;
    ~TokenScope() { slot = nullptr; }
  } scope{cancel_};
  warnings_.clear();
  CleanedSeries clean = cleanSeries(y);
  warnings_ = std::move(clean.warnings);
  info_ = FitInfo{y.name, y.frequency, y.dateAt(clean.first), y.dateAt(clean.first + clean.values.size() - 1),
                  static_cast<int>(clean.values.size())};
  y_ = std::move(clean.values);
  stats_ = FitStatistics{};
  fitted_values_ = Eigen::VectorXd::Constant(y_.size(), kNaN);
  fitImpl(y_);
  if (fitted_values_.size() != y_.size())
    throw Error("model '" + name() + "' reported " + std::to_string(fitted_values_.size()) +
                " fitted values for " + std::to_string(y_.size()) + " observations");
  // A fit that overflowed (values near 1e308, a degenerate series) must fail
  // here, naming the series, not write an artifact that cannot forecast.
  const auto refuse = [&](const std::string& why) {
    throw InputError(seriesLabel(info_.series) + ": model '" + specText() + "' could not be fitted: " + why +
                     " (are the values too large or degenerate for it?)");
  };
  if (const std::string path = firstNonFinite(params(), ""); !path.empty())
    refuse("the fit produced a non-finite parameter '" + path + "'");
  fitted_ = true;
  if (advancePeriod(info_.frequency, info_.end, 1).year() <= Date::kMaxYear) {
    try {
      (void)forecast(1, {80.0});
    } catch (const CancelledError&) {
      throw;
    } catch (const Error& e) {
      fitted_ = false;
      refuse(std::string("its one-step forecast is not finite (") + e.what() + ")");
    }
  }
}

Forecast Forecaster::forecast(int horizon, const std::vector<double>& levels) const {
  if (!fitted_) throw Error("model '" + name() + "' is not fitted");
  if (horizon < 1 || horizon > kMaxHorizon)
    throw InputError("forecast horizon must be between 1 and " + std::to_string(kMaxHorizon) + ", got " +
                     std::to_string(horizon));
  std::vector<double> sorted = levels;
  for (double l : sorted)
    if (!(l > 0 && l < 100))
      throw InputError("prediction interval level " + std::to_string(l) + " is not between 0 and 100");
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());

  // Dates stop at 9999-12-31: what cannot be written as YYYY-MM-DD (and read
  // back) is refused before anything is computed.
  if (advancePeriod(info_.frequency, info_.end, horizon).year() > Date::kMaxYear)
    throw InputError(InputLocation{"", 0, "horizon", std::to_string(horizon)},
                     "forecasting " + std::to_string(horizon) + (horizon == 1 ? " period" : " periods") + " after " +
                         info_.end.toIso() +
                         " would pass 9999-12-31, the last date Foresight reads and writes");
  Forecast out;
  out.start = advancePeriod(info_.frequency, info_.end, 1);
  out.frequency = info_.frequency;
  out.levels = sorted;
  const auto h = static_cast<Eigen::Index>(horizon);
  const auto nl = static_cast<Eigen::Index>(sorted.size());
  out.mean = Eigen::VectorXd::Constant(h, kNaN);
  out.lower = Eigen::MatrixXd::Constant(h, nl, kNaN);
  out.upper = Eigen::MatrixXd::Constant(h, nl, kNaN);
  forecastImpl(horizon, sorted, out);

  const bool shapeOk = out.mean.size() == h && out.lower.rows() == h && out.upper.rows() == h &&
                       out.lower.cols() == nl && out.upper.cols() == nl;
  if (!shapeOk) throw Error("model '" + name() + "' returned a forecast of the wrong shape");
  if (!out.mean.allFinite() || !out.lower.allFinite() || !out.upper.allFinite())
    throw Error("model '" + name() + "' produced a non-finite forecast for " + seriesLabel(info_.series) +
                " (spec " + specText() + ")");
  return out;
}

void Forecaster::update(const TimeSeries& newer) {
  if (!fitted_) throw Error("model '" + name() + "' is not fitted; fit it before updating");
  if (newer.empty()) return;
  const std::string label = seriesLabel(info_.series);
  if (newer.frequency != info_.frequency)
    throw InputError(label + ": newer data has frequency " + std::string(frequencyCode(newer.frequency)) +
                     " but the model was fitted on " + std::string(frequencyCode(info_.frequency)));
  const auto offset = periodIndex(info_.frequency, info_.start, newer.start);
  if (!offset)
    throw InputError(label + ": newer data starts at " + newer.start.toIso() + ", which is not a period start of the " +
                     "fitted data (" + info_.start.toIso() + " + whole periods)");
  const Date next = advancePeriod(info_.frequency, info_.end, 1);
  if (*offset < 0)
    throw InputError(label + ": newer data starts at " + newer.start.toIso() + ", before the fitted data starts (" +
                     info_.start.toIso() + ")");
  if (*offset > y_.size())
    throw InputError(label + ": newer data starts at " + newer.start.toIso() + " but the model's data ends at " +
                     info_.end.toIso() + "; it must continue at " + next.toIso() + " without a gap");

  // Dates the model has seen must carry the values it saw (else refit).
  const Eigen::Index overlap = std::min<Eigen::Index>(y_.size() - *offset, newer.size());
  for (Eigen::Index i = 0; i < overlap; ++i) {
    const double v = newer.values[i], seen = y_[*offset + i];
    if (std::isnan(v)) continue;
    if (std::fabs(v - seen) > 1e-9 * std::max(std::fabs(v), std::fabs(seen)) + 1e-12)
      throw InputError(label + " at " + newer.dateAt(i).toIso() + ": newer value " + formatValue(v) +
                       " differs from the value " + formatValue(seen) + " the model has seen; refit instead");
  }
  if (overlap == newer.size()) return;

  TimeSeries rest{newer.name, newer.frequency, next, newer.values.tail(newer.size() - overlap)};
  const Eigen::VectorXd added = cleanContinuation(rest, y_[y_.size() - 1], warnings_);
  if (added.size() == 0) return;
  updateImpl(added);
  Eigen::VectorXd grown(y_.size() + added.size());
  grown << y_, added;
  y_ = std::move(grown);
  info_.n = static_cast<int>(y_.size());
  info_.end = advancePeriod(info_.frequency, info_.start, info_.n - 1);
}

nlohmann::json Forecaster::saveState() const {
  if (!fitted_) throw Error("model '" + name() + "' is not fitted; nothing to save");
  nlohmann::json w = nlohmann::json::array();
  for (const auto& s : warnings_) w.push_back(s);
  return {{"y", json_fields::toJson(y_)},
          {"fitted", json_fields::toJson(fitted_values_)},
          {"statistics", stats_.toJson()},
          {"warnings", w},
          {"model", saveStateImpl()}};
}

void Forecaster::loadState(const nlohmann::json& state, const FitInfo& info) {
  fitted_ = false;
  Eigen::VectorXd y = json_fields::finiteVector(state, "y");
  Eigen::VectorXd f = json_fields::vector(state, "fitted");
  if (y.size() == 0) throw InputError(InputLocation{"", 0, "y", ""}, "no observations");
  if (y.size() != info.n)
    throw InputError(InputLocation{"", 0, "y", ""}, "holds " + std::to_string(y.size()) +
                                                      " values but the fit information says n = " + std::to_string(info.n));
  if (f.size() > y.size())
    throw InputError(InputLocation{"", 0, "fitted", ""}, "longer than the data");
  if (advancePeriod(info.frequency, info.start, info.n - 1) != info.end)
    throw InputError("fit information: start " + info.start.toIso() + " plus n = " + std::to_string(info.n) +
                     " periods does not end at " + info.end.toIso());
  const nlohmann::json& statistics = json_fields::field(state, "statistics");
  const FitStatistics stats = json_fields::underPath("statistics", [&] { return FitStatistics::fromJson(statistics); });
  std::vector<std::string> warnings;
  const auto& w = json_fields::field(state, "warnings");
  if (!w.is_array()) throw InputError(InputLocation{"", 0, "warnings", ""}, "expected an array of strings");
  for (const auto& s : w) {
    if (!s.is_string()) throw InputError(InputLocation{"", 0, "warnings", ""}, "expected an array of strings");
    warnings.push_back(s.get<std::string>());
  }
  info_ = info;
  y_ = std::move(y);
  fitted_values_ = std::move(f);
  stats_ = stats;
  warnings_ = std::move(warnings);
  const nlohmann::json& modelState = json_fields::field(state, "model");
  json_fields::underPath("model", [&] { loadStateImpl(modelState); });
  fitted_ = true;
}

}  // namespace foresight
