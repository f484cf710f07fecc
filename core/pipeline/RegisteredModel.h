// A registered version pulled from the registry and restored as fitted
// models, ready to take newer actuals and forecast: what `foresight export
// powerbi`, `foresight monitor` and the pipeline's export share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/hierarchy/HierarchicalModel.h"
#include "engine/common/TimeSeries.h"
#include "engine/models/ModelArtifact.h"
#include "pipeline/PowerBiExport.h"
#include "registry/ModelReference.h"
#include "registry/ModelRegistry.h"

namespace foresight::pipeline {

class RegisteredModel {
 public:
  // Pulls (hash-checked) and restores the artifact; InputError naming the
  // reference when it does not load.
  static RegisteredModel pull(registry::ModelRegistry& registry, const registry::ModelReference& ref);

  const registry::VersionRecord& version() const { return version_; }
  const std::string& name() const { return version_.model; }
  std::vector<Forecaster*> models();
  std::vector<const Forecaster*> models() const;
  // The hierarchy of a hierarchical version (its models are the nodes'),
  // through which it forecasts; nullopt for a model or a plain panel.
  const std::optional<HierarchicalModel>& hierarchy() const { return hierarchy_; }

  // Feeds every model the actuals of its series that it has not seen
  // (parameters fixed, no refit); InputError naming `source` when they do
  // not continue the model's data.
  void updateWith(const Panel& actuals, const std::string& source);

  // Adds each model's forecast after its data to `out` (a hierarchical
  // version: every node's reconciled forecast, as exportHierarchy), with the actuals of
  // its series from `actuals` (the last `history` periods; 0 = all), else
  // the data the model has seen. Model column: the registered name; version: its number.
  // CancelledError, checked before each model, when `cancel` was set.
  void exportTo(PowerBiExport& out, const Panel& actuals, int horizon, const std::vector<double>& levels,
                int history = 0, const CancellationToken* cancel = nullptr) const;
  // The same for models that are not (yet) registered.
  static void exportModels(PowerBiExport& out, const std::vector<const Forecaster*>& models, const Panel& actuals,
                           int horizon, const std::vector<double>& levels, int history, const std::string& model,
                           const std::string& modelVersion, const CancellationToken* cancel = nullptr);
  // The same for a hierarchy: makes `out` hierarchical (setHierarchyLevels)
  // and adds every node's reconciled forecast with its place in the
  // hierarchy; returns the forecasts, in node order.
  static std::vector<Forecast> exportHierarchy(PowerBiExport& out, const HierarchicalModel& model, const Panel& actuals,
                                               int horizon, const std::vector<double>& levels, int history,
                                               const std::string& name, const std::string& modelVersion,
                                               const CancellationToken* cancel = nullptr);

 private:
  registry::VersionRecord version_;
  ModelArtifact::Loaded loaded_;
  std::optional<HierarchicalModel> hierarchy_;  // borrows loaded_'s models
};

}  // namespace foresight::pipeline
