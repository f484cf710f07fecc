// One registered version, parsed and ready to forecast: its registry record,
// the fitted models (one per series) and the artifact bytes. Immutable once
// built and shared between requests through std::shared_ptr<const
// LoadedModel>, so a request keeps the version it started with even when a
// reload swaps in another one.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/hierarchy/HierarchicalModel.h"
#include "engine/models/ModelArtifact.h"
#include "registry/RegistryTypes.h"

namespace foresight::serving {

class LoadedModel {
 public:
  // Parses the artifact; InputError naming model/version when it does not load.
  static std::shared_ptr<const LoadedModel> fromArtifact(const registry::PulledArtifact& pulled);

  const registry::VersionRecord& record() const { return record_; }
  const std::string& name() const { return record_.model; }
  int version() const { return record_.version; }
  const std::vector<std::unique_ptr<Forecaster>>& models() const { return loaded_.models; }
  // A hierarchical version's hierarchy: every node is forecast through it
  // (reconciled); nullopt for a model or a plain panel.
  const std::optional<HierarchicalModel>& hierarchy() const { return hierarchy_; }
  // The series names, in artifact order.
  std::vector<std::string> seriesNames() const;
  // The model of `series`, or the only one when `series` is empty; HttpError
  // 404 for an unknown series, 422 when a panel needs a series named.
  std::size_t indexOf(const std::string& series) const;
  // Fresh, mutable models from the artifact bytes, for scoring with newer
  // actuals without touching the shared ones.
  ModelArtifact::Loaded freshCopy() const;

 private:
  registry::VersionRecord record_;
  std::string bytes_;
  std::string source_;  // "model/version" for messages
  ModelArtifact::Loaded loaded_;
  std::optional<HierarchicalModel> hierarchy_;  // borrows loaded_'s models
};

}  // namespace foresight::serving
