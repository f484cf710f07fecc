#include "serving/ModelSnapshot.h"

namespace foresight::serving {

const ServedModel* ModelSnapshot::find(const std::string& name) const {
  const auto it = models.find(name);
  return it == models.end() ? nullptr : &it->second;
}

std::shared_ptr<const LoadedModel> ModelSnapshot::loadedVersion(const std::string& name, int version) const {
  const ServedModel* m = find(name);
  if (!m) return nullptr;
  for (const auto& [alias, loaded] : m->byAlias)
    if (loaded->version() == version) return loaded;
  return nullptr;
}

}  // namespace foresight::serving
