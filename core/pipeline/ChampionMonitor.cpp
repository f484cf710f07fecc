#include "pipeline/ChampionMonitor.h"

#include <cmath>
#include <cstdio>  // std::snprintf

#include "engine/common/Errors.h"
#include "engine/eval/NaiveScale.h"
#include "engine/models/ModelUpdater.h"
#include "pipeline/DriftTests.h"
#include "pipeline/RegisteredModel.h"

namespace foresight::pipeline {

namespace {

std::string g(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

double jsonNumber(const nlohmann::json& j, std::initializer_list<const char*> path) {
  const nlohmann::json* at = &j;
  for (const char* key : path) {
    if (!at->is_object() || !at->contains(key)) return NAN;
    at = &(*at)[key];
  }
  return at->is_number() ? at->get<double>() : NAN;
}

struct Performance {
  int scored = 0;
  double mase = NAN, mae = NAN, coverage95 = NAN;
  nlohmann::json json;
};

// Forecasts the actuals after the model's data in blocks of `horizon`,
// feeding each block before forecasting the next; scores the last `window`.
Performance score(Forecaster& model, const TimeSeries& grid, Eigen::Index firstNew, int horizon, int period,
                  Eigen::Index window) {
  Performance p;
  const NaiveScale scale = NaiveScale::of(model.seenData().values, period);
  std::vector<double> absErrors;
  std::vector<int> inside;
  for (Eigen::Index at = firstNew; at < grid.size(); at += horizon) {
    const Eigen::Index n = std::min<Eigen::Index>(horizon, grid.size() - at);
    const Forecast f = model.forecast(static_cast<int>(n), {95});
    for (Eigen::Index h = 0; h < n; ++h) {
      const double y = grid.values[at + h];
      if (std::isnan(y)) continue;
      absErrors.push_back(std::fabs(y - f.mean[h]));
      inside.push_back(y >= f.lower(h, 0) && y <= f.upper(h, 0) ? 1 : 0);
    }
    TimeSeries block = grid;
    block.start = grid.dateAt(at);
    block.values = grid.values.segment(at, n);
    model.update(block);
  }
  const std::size_t from = absErrors.size() > static_cast<std::size_t>(window) ? absErrors.size() - static_cast<std::size_t>(window) : 0;
  double sumAbs = 0, covered = 0;
  for (std::size_t i = from; i < absErrors.size(); ++i) {
    sumAbs += absErrors[i];
    covered += inside[i];
  }
  p.scored = static_cast<int>(absErrors.size() - from);
  if (p.scored > 0) {
    p.mae = sumAbs / p.scored;
    p.mase = p.mae / scale.meanAbs;
    p.coverage95 = covered / p.scored;
  }
  p.json = {{"newer_actuals", grid.size() - firstNew}, {"scored", p.scored}, {"mae", p.mae},
            {"mase", p.mase},                         {"naive_scale", scale.meanAbs}, {"seasonal_period", period},
            {"coverage95", p.coverage95}};
  return p;
}

}  // namespace

MonitorReport ChampionMonitor::run(registry::ModelRegistry& registry, const std::string& reference, const Panel& data,
                                   const std::string& source, const MonitorOptions& options) {
  std::string refText = reference;
  if (refText.find_first_of("@/") == std::string::npos) refText += "@champion";
  RegisteredModel champion = RegisteredModel::pull(registry, registry::ModelReference::parse(refText));
  const nlohmann::json& backtest = champion.version().backtest;
  const double baseline = jsonNumber(backtest, {"summary", "metrics", "mase", "mean"});
  const double h = jsonNumber(backtest, {"config", "horizon"});
  const int horizon = std::isnan(h) ? 7 : static_cast<int>(h);
  const double m = jsonNumber(backtest, {"config", "seasonal_period"});
  const Eigen::Index window = options.window > 0 ? options.window : std::max(28, 4 * horizon);

  MonitorReport report;
  nlohmann::json seriesJson = nlohmann::json::array();
  for (Forecaster* model : champion.models()) {
    if (options.cancel) options.cancel->throwIfCancelled();
    const std::string name = model->info().series;
    const TimeSeries* given = data.find(name);
    if (!given && champion.models().size() == 1 && data.series.size() == 1) given = &data.series.front();
    if (!given) throw InputError(InputLocation{source, 0, "series", name}, "no actuals for the model's series '" + name + "'");
    const TimeSeries grid = ModelUpdater::onModelGrid(*given, model->info(), source);
    Eigen::Index next = 0;  // first period of the grid after the model's data
    while (next < grid.size() && grid.dateAt(next) <= model->info().end) ++next;
    const int period = !std::isnan(m) && m > 0 ? static_cast<int>(m) : defaultSeasonalPeriod(model->info().frequency);
    const Performance perf = score(*model, grid, next, horizon, period, window);
    nlohmann::json entry = {{"series", name}, {"train_end", model->info().end.toIso()}, {"performance", perf.json}};
    // Performance against the registered backtest baseline.
    const double ratio = perf.mase / baseline;
    entry["performance"]["baseline_mase"] = std::isnan(baseline) ? nlohmann::json(nullptr) : nlohmann::json(baseline);
    entry["performance"]["mase_ratio"] = std::isnan(ratio) ? nlohmann::json(nullptr) : nlohmann::json(ratio);
    const bool decayed = !std::isnan(ratio) && ratio > options.maxMaseRatio;
    entry["performance"]["alert"] = decayed;
    if (decayed)
      report.reasons.push_back("Series '" + name + "': MASE " + g(perf.mase) + " over the last " +
                               std::to_string(perf.scored) + " newer actuals is " + g(ratio) +
                               " times the backtest MASE " + g(baseline) + " (the limit is " + g(options.maxMaseRatio) + ").");
    // Data drift: the recent window against the window before it.
    const Eigen::Index recentN = std::min<Eigen::Index>(window, grid.size() / 2);
    const Eigen::Index refN = std::min<Eigen::Index>(4 * window, grid.size() - recentN);
    const Eigen::VectorXd recent = grid.values.tail(recentN);
    const Eigen::VectorXd before = grid.values.segment(grid.size() - recentN - refN, refN);
    nlohmann::json drift = nlohmann::json::array();
    for (const ShiftTest& t : {DriftTests::levelShift(before, recent, options.alpha),
                               DriftTests::volatilityShift(before, recent, options.alpha)}) {
      drift.push_back(t.toJson());
      if (t.alert) report.reasons.push_back("Series '" + name + "': " + t.reason);
    }
    entry["drift"] = drift;
    seriesJson.push_back(entry);
  }
  report.alert = !report.reasons.empty();
  report.json = {{"model", champion.name()},
                 {"version", champion.version().version},
                 {"reference", refText},
                 {"source", source},
                 {"window", window},
                 {"thresholds", {{"max_mase_ratio", options.maxMaseRatio}, {"alpha", options.alpha}}},
                 {"baseline", {{"mase", std::isnan(baseline) ? nlohmann::json(nullptr) : nlohmann::json(baseline)},
                               {"horizon", horizon}}},
                 {"series", seriesJson},
                 {"alert", report.alert},
                 {"reasons", report.reasons}};
  nlohmann::json notes = nlohmann::json::array();
  if (std::isnan(baseline))
    notes.push_back("The registered version has no backtest MASE, so performance was not checked against a baseline.");
  if (champion.hierarchy())
    notes.push_back("A hierarchy: every node is monitored through its own base model (unreconciled forecasts), so a "
                    "node that decays is named even when reconciliation hides it.");
  if (!notes.empty()) report.json["notes"] = notes;
  return report;
}

}  // namespace foresight::pipeline
