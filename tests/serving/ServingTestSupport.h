// Fixtures for the serving tests: a temporary SQLite registry holding fitted
// models (sales v1 ets champion + challenger, v2 theta; regions v1 a panel
// of two series, champion) built with the engine, and helpers to change it.
#pragma once

#include <filesystem>
#include <string>

#include "registry/RegistryUri.h"

namespace foresight::test {

struct ServingFixture {
  std::filesystem::path dir;         // holds reg/registry.db
  std::filesystem::path registryDir; // dir/reg: rename it to make the registry unreachable
  registry::RegistryUri uri;
};

// Builds the registry under a fresh temporary folder.
ServingFixture makeServingRegistry(const std::string& tag);
// Pushes the fixture's models and aliases into an existing, empty registry.
void fillServingRegistry(const registry::RegistryUri& uri);
// Changes one byte of a stored artifact behind the registry's back (SQLite),
// as a tampered or damaged database would hold it.
void tamperArtifact(const registry::RegistryUri& uri, const std::string& model, int version);
// Moves the champion of `model` from `expected` to `version`.
void promote(const registry::RegistryUri& uri, const std::string& model, int version, int expected);

}  // namespace foresight::test
