// What the service serves at one moment: every registered model's details
// and the loaded version behind each alias. Built whole by RegistryReader and
// swapped in one pointer store, never changed after, so a request sees one
// consistent registry state from start to end.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "registry/RegistryTypes.h"
#include "serving/LoadedModel.h"

namespace foresight::serving {

struct ServedModel {
  registry::ModelDetails details;
  std::map<std::string, std::shared_ptr<const LoadedModel>> byAlias;
};

struct ModelSnapshot {
  std::map<std::string, ServedModel> models;
  // Aliases whose artifact could not be loaded ("name@alias: why"); the
  // service reports them as degraded and serves the rest.
  std::vector<std::string> problems;

  const ServedModel* find(const std::string& name) const;
  // A loaded version among the aliases' targets, or null.
  std::shared_ptr<const LoadedModel> loadedVersion(const std::string& name, int version) const;
};

}  // namespace foresight::serving
