// One model exported with its versions, aliases and history
// (foresight.registry-bundle/1): what `registry export` writes and
// `registry import` reads, checked as a whole before anything is written.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "registry/ArtifactInfo.h"
#include "registry/RegistryTypes.h"

namespace foresight::registry {

struct RegistryBundle {
  static constexpr const char* kSchema = "foresight.registry-bundle/1";

  struct Version {
    int number = 0;
    std::string artifact, sha256, createdAt;
    ArtifactInfo info;  // read again from the artifact, not trusted from the bundle
    Lineage lineage;
    Tags tags;
    bool archived = false;
    nlohmann::json backtest;
  };
  struct Alias {
    std::string alias;
    int version = 0;
    std::string updatedAt, updatedBy;
  };

  std::string name, description, createdAt, createdBy;
  Tags tags;
  int lastVersion = 0;  // at least the highest version in the bundle
  std::vector<Version> versions;
  std::vector<Alias> aliases;
  std::vector<HistoryEvent> history;
  std::string source, exportedAt;

  // Reads and checks a bundle: valid JSON and schema, every artifact against
  // its SHA-256 and as an artifact, unique version numbers, aliases naming
  // versions of the bundle, typed history. InputError naming `label` and the
  // field path (versions[2].sha256). Missing times and actors become
  // `now` and `actor`.
  static RegistryBundle parse(const std::string& bytes, const std::string& label, const std::string& now,
                              const std::string& actor);
};

}  // namespace foresight::registry
