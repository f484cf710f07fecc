#include "pipeline/RegisteredModel.h"

#include "engine/models/ModelUpdater.h"

namespace foresight::pipeline {

RegisteredModel RegisteredModel::pull(registry::ModelRegistry& registry, const registry::ModelReference& ref) {
  RegisteredModel m;
  registry::PulledArtifact pulled = registry.pull(ref);
  m.loaded_ = ModelArtifact::parse(pulled.bytes, ref.toString());
  m.version_ = std::move(pulled.version);
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
    TimeSeries shown = given ? *given : m->seenData();
    // Only what lies before the forecast: later actuals would be ones the model was not given.
    Eigen::Index n = 0;
    while (n < shown.size() && shown.dateAt(n) < f.start) ++n;
    Eigen::Index first = history > 0 ? std::max<Eigen::Index>(0, n - history) : 0;
    TimeSeries window = shown;
    window.start = shown.dateAt(first);
    window.values = shown.values.segment(first, n - first);
    out.add(window, f, model, modelVersion, series);
  }
}

}  // namespace foresight::pipeline
