#include "ui/registry/RegistrySnapshot.h"

#include <algorithm>

#include "registry/ModelRegistry.h"

namespace foresight::ui {

RegistrySnapshot RegistrySnapshot::read(const std::string& uri, const std::string& preferred) {
  registry::ModelRegistry reg(registry::RegistryUri::parse(uri));
  RegistrySnapshot s;
  s.uri = reg.uri().redacted();
  s.models = reg.list();
  const bool present = std::any_of(s.models.begin(), s.models.end(), [&](const auto& m) { return m.name == preferred; });
  s.model = present ? preferred : (s.models.empty() ? std::string() : s.models.front().name);
  if (!s.model.empty()) {
    s.versions = reg.show(s.model).versions;
    s.history = reg.history(s.model);
  }
  return s;
}

}  // namespace foresight::ui
