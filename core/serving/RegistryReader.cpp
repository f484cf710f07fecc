#include "serving/RegistryReader.h"

#include <filesystem>

#include "registry/ModelRegistry.h"
#include "registry/RegistryErrors.h"

namespace foresight::serving {

namespace {

bool sameState(const registry::ModelRecord& a, const registry::ModelRecord& b) {
  return a.aliases == b.aliases && a.latestVersion == b.latestVersion && a.versionCount == b.versionCount &&
         a.description == b.description && a.tags == b.tags;
}

std::shared_ptr<const LoadedModel> reuse(const ServedModel* before, int version, const std::string& sha256) {
  if (!before) return nullptr;
  for (const auto& [alias, loaded] : before->byAlias)
    if (loaded->version() == version && loaded->record().sha256 == sha256) return loaded;
  return nullptr;
}

}  // namespace

void RegistryReader::requireReachable() const {
  // ModelRegistry would create a missing SQLite file; a service must not
  // start serving an empty registry because its file was moved away.
  if (uri_.isSqlite() && !std::filesystem::is_regular_file(uri_.path()))
    throw registry::RegistryError("registry " + uri_.redacted() + ": the database file does not exist");
}

std::shared_ptr<const ModelSnapshot> RegistryReader::read(const std::shared_ptr<const ModelSnapshot>& previous) const {
  requireReachable();
  registry::ModelRegistry reg(uri_);
  auto next = std::make_shared<ModelSnapshot>();
  for (const registry::ModelRecord& record : reg.list()) {
    const ServedModel* before = previous ? previous->find(record.name) : nullptr;
    if (before && sameState(before->details.model, record) && before->byAlias.size() == record.aliases.size()) {
      next->models.emplace(record.name, *before);
      continue;
    }
    ServedModel served;
    served.details = reg.show(record.name);
    for (const auto& [alias, version] : record.aliases) {
      try {
        std::string sha256;
        for (const auto& v : served.details.versions)
          if (v.version == version) sha256 = v.sha256;
        auto loaded = reuse(before, version, sha256);
        if (!loaded) loaded = LoadedModel::fromArtifact(reg.pull(registry::ModelReference::atVersion(record.name, version)));
        served.byAlias.emplace(alias, std::move(loaded));
      } catch (const registry::RegistryError&) {
        throw;  // the registry itself failed: keep the last good snapshot
      } catch (const std::exception& e) {
        next->problems.push_back(record.name + "@" + alias + ": " + e.what());
      }
    }
    next->models.emplace(record.name, std::move(served));
  }
  return next;
}

std::shared_ptr<const LoadedModel> RegistryReader::readVersion(const std::string& name, int version) const {
  requireReachable();
  registry::ModelRegistry reg(uri_);
  return LoadedModel::fromArtifact(reg.pull(registry::ModelReference::atVersion(name, version)));
}

}  // namespace foresight::serving

