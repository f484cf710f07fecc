#include "pipeline/RegisteredModel.h"

#include <utility>  // std::as_const

#include "engine/models/ModelUpdater.h"

namespace foresight::pipeline {

namespace {

// The actuals shown before a forecast: `given` (else what the model has
// seen) up to the period before the forecast, the last `history` of them.
TimeSeries actualsBefore(const TimeSeries* given, const Forecaster& m, Date forecastStart, int history) {
  TimeSeries shown = given ? *given : m.seenData();
  // Only what lies before the forecast: later actuals would be ones the model was not given.
  Eigen::Index n = 0;
  while (n < shown.size() && shown.dateAt(n) < forecastStart) ++n;
  const Eigen::Index first = history > 0 ? std::max<Eigen::Index>(0, n - history) : 0;
  TimeSeries window = shown;
  window.start = shown.dateAt(first);
  window.values = shown.values.segment(first, n - first);
  return window;
}

PowerBiNode placeOf(const Hierarchy& h, int index) {
  const HierarchyNode& node = h.nodes()[static_cast<std::size_t>(index)];
  return PowerBiNode{h.levelName(node.depth),
                     node.parent < 0 ? std::string() : h.nodes()[static_cast<std::size_t>(node.parent)].name,
                     h.columnValues(index)};
}

}  // namespace

RegisteredModel RegisteredModel::pull(registry::ModelRegistry& registry, const registry::ModelReference& ref) {
  RegisteredModel m;
  registry::PulledArtifact pulled = registry.pull(ref);
  m.loaded_ = ModelArtifact::parse(pulled.bytes, ref.toString());
  m.version_ = std::move(pulled.version);
  if (!m.loaded_.hierarchy.is_null())
    m.hierarchy_ = HierarchicalModel::fromSection(m.loaded_.hierarchy, std::as_const(m).models(), ref.toString());
  return m;
}

std::vector<Forecaster*> RegisteredModel::models() {
  std::vector<Forecaster*> out;
  for (auto& m : loaded_.models) out.push_back(m.get());
  return out;
}

std::vector<const Forecaster*> RegisteredModel::models() const {
  std::vector<const Forecaster*> out;
  for (const auto& m : loaded_.models) out.push_back(m.get());
  return out;
}

void RegisteredModel::updateWith(const Panel& actuals, const std::string& source) {
  ModelUpdater::apply(models(), actuals, source);
}

void RegisteredModel::exportTo(PowerBiExport& out, const Panel& actuals, int horizon, const std::vector<double>& levels,
                               int history, const CancellationToken* cancel) const {
  if (hierarchy_) {
    exportHierarchy(out, *hierarchy_, actuals, horizon, levels, history, version_.model,
                    std::to_string(version_.version), cancel);
    return;
  }
  exportModels(out, models(), actuals, horizon, levels, history, version_.model, std::to_string(version_.version),
               cancel);
}

void RegisteredModel::exportModels(PowerBiExport& out, const std::vector<const Forecaster*>& models,
                                   const Panel& actuals, int horizon, const std::vector<double>& levels, int history,
                                   const std::string& model, const std::string& modelVersion,
                                   const CancellationToken* cancel) {
  for (const Forecaster* m : models) {
    if (cancel) cancel->throwIfCancelled();
    const std::string& series = m->info().series;
    const TimeSeries* given = actuals.find(series);
    // One model and one series: names need not match (as in ModelUpdater).
    if (!given && models.size() == 1 && actuals.series.size() == 1) given = &actuals.series.front();
    const Forecast f = m->forecast(horizon, levels);
    out.add(actualsBefore(given, *m, f.start, history), f, model, modelVersion, series);
  }
}

std::vector<Forecast> RegisteredModel::exportHierarchy(PowerBiExport& out, const HierarchicalModel& model,
                                                       const Panel& actuals, int horizon,
                                                       const std::vector<double>& levels, int history,
                                                       const std::string& name, const std::string& modelVersion,
                                                       const CancellationToken* cancel) {
  if (cancel) cancel->throwIfCancelled();
  const Hierarchy& h = model.hierarchy();
  out.setHierarchyLevels(h.columns());
  std::vector<Forecast> forecasts = model.forecast(horizon, levels);
  for (int i = 0; i < h.size(); ++i) {
    if (cancel) cancel->throwIfCancelled();
    const auto k = static_cast<std::size_t>(i);
    const Forecaster& m = *model.models()[k];
    out.add(actualsBefore(actuals.find(h.nodes()[k].name), m, forecasts[k].start, history), forecasts[k], name,
            modelVersion, h.nodes()[k].name, placeOf(h, i));
  }
  return forecasts;
}

}  // namespace foresight::pipeline
