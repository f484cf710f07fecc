// What the Registry page shows, read in one go off the GUI thread: the
// models, and one model's versions and history.
#pragma once

#include <string>
#include <vector>

#include "registry/RegistryTypes.h"

namespace foresight::ui {

struct RegistrySnapshot {
  std::string uri;  // redacted, for display
  std::vector<registry::ModelRecord> models;
  std::string model;  // whose versions and history follow; empty when none
  std::vector<registry::VersionRecord> versions;
  std::vector<registry::HistoryEvent> history;

  // Opens the registry at `uri` and reads the models, then `preferred` (or,
  // when it is empty or gone, the first model). Throws what the registry throws.
  static RegistrySnapshot read(const std::string& uri, const std::string& preferred);
};

}  // namespace foresight::ui
