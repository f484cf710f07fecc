// The model registry: registered models, their numbered versions (artifact
// bytes + SHA-256, metrics, lineage), aliases such as champion, and an
// append-only history, in SQLite or PostgreSQL. One instance owns one
// connection and is used from one thread.
#pragma once

#include <QString>
#include <QVariantList>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "registry/Lineage.h"
#include "registry/ModelReference.h"
#include "registry/RegistrySchema.h"
#include "registry/RegistryTypes.h"
#include "registry/RegistryUri.h"

namespace foresight::registry {

class RegistryConnection;

class ModelRegistry {
 public:
  // Connects, and creates or upgrades the schema (see RegistrySchema).
  // `who` is recorded as lineage and as the actor of history events.
  explicit ModelRegistry(const RegistryUri& uri, Lineage who = Lineage::fromEnvironment());
  ~ModelRegistry();
  ModelRegistry(const ModelRegistry&) = delete;
  ModelRegistry& operator=(const ModelRegistry&) = delete;

  const RegistryUri& uri() const;
  // What opening did to the schema (created, upgraded from N, or nothing).
  const RegistrySchema::Result& schema() const { return schema_; }

  // Stores a new version, numbered one past the highest ever given to this
  // model, in one transaction. InputError for an invalid artifact or name.
  PushResult push(const PushRequest& request);
  // The artifact's bytes, checked against the SHA-256 stored with them
  // (RegistryIntegrityError on mismatch). Unknown model/version/alias: InputError.
  PulledArtifact pull(const ModelReference& ref);
  // The version's record without its bytes.
  VersionRecord resolve(const ModelReference& ref);

  std::vector<ModelRecord> list();
  ModelDetails show(const std::string& name);
  std::vector<HistoryEvent> history(const std::string& name);
  std::vector<VersionRecord> search(const SearchQuery& query);
  // Grows with every change by anyone (the newest history event's id; every
  // change appends one); 0 for an empty registry. One cheap query, for
  // noticing other processes' changes.
  long long lastChange();

  // Points `alias` at `version` (any alias but champion; see promote).
  void setAlias(const std::string& name, const std::string& alias, int version,
                const std::string& reason = "");
  void removeAlias(const std::string& name, const std::string& alias, const std::string& reason = "");
  // Compare-and-set of the champion: succeeds only while the champion is
  // `request.expected`; otherwise RegistryConflictError and nothing changes.
  PromoteResult promote(const PromoteRequest& request);
  // Moves the champion back to the one it replaced, per the history.
  RollbackResult rollback(const std::string& name, const std::string& reason = "");
  // The version rollback() would make champion, from the model's history:
  // the champion's moves replayed (a promotion stacks a version, a rollback
  // unstacks one); nullopt when the history holds none before `current`.
  static std::optional<int> rollbackTarget(const std::vector<HistoryEvent>& history, int current);

  // Archived versions stay pullable but leave "latest" and cannot get aliases.
  // Returns false when the version already was in that state.
  bool setArchived(const std::string& name, int version, bool archived, const std::string& reason = "");
  // Takes back a version that a run registered before it failed (a full
  // disk, an interrupt): if it is the champion, the champion goes back to the
  // one it replaced (per the history; removed when there was none), every
  // other alias on it is removed, and it is archived, each step an event
  // carrying `reason`, all in one transaction.
  WithdrawResult withdraw(const std::string& name, int version, const std::string& reason);
  // Refused (InputError) while an alias points at the version.
  void deleteVersion(const std::string& name, int version, const std::string& reason = "");

  // Every stored artifact (or one model's) against its SHA-256.
  VerifyReport verify(const std::optional<std::string>& name = std::nullopt);

  // One model with its versions (artifacts included), aliases and history as
  // a JSON bundle (foresight.registry-bundle/1). Refuses to export an
  // artifact that fails its hash.
  nlohmann::json exportModel(const std::string& name);
  // Adds the bundle's model under its own name or `renameTo`. A model of that
  // name already in the registry is a RegistryConflictError; a bundle that
  // does not hold together is an InputError naming `sourceLabel` and the field.
  ImportResult importModel(const std::string& bundleBytes, const std::string& sourceLabel,
                           const std::string& renameTo = "");

 private:
  struct ModelRow {
    long long id = 0;
    int lastVersion = 0;
  };
  struct VersionRow {
    long long id = 0;
    int version = 0;
    bool archived = false;
  };
  struct EventData {
    std::string action, alias;
    std::optional<int> from, to;
    std::string reason;
    nlohmann::json comparison;
    bool isOverride = false;
    std::vector<FailedRule> failedRules{};
  };

  ModelRow requireModel(const std::string& name, bool lock);
  VersionRow requireVersion(const ModelRow& model, const std::string& name, int version);
  std::optional<int> aliasTarget(long long modelId, const std::string& alias);
  std::vector<std::string> aliasesOf(long long versionId);
  void moveAlias(long long modelId, const std::string& alias, const VersionRow& target, EventData event);
  void appendEvent(long long modelId, const EventData& event);
  // The version `ref` names, and its bytes when `bytes` is given.
  VersionRecord findVersion(const ModelReference& ref, std::string* bytes);
  // Versions matching `where` (a fixed SQL condition over v = model_versions
  // and m = models, never user text) with their tags and aliases.
  std::vector<VersionRecord> readVersions(const QString& where, const QVariantList& values);
  // Models matching `where` (same rule, over m = models) with tags and aliases.
  std::vector<ModelRecord> readModels(const QString& where, const QVariantList& values);
  std::vector<HistoryEvent> readHistory(long long modelId, const std::string& name);
  [[noreturn]] void unknownModel(const std::string& name);
  std::string now() const;

  std::unique_ptr<RegistryConnection> db_;
  Lineage who_;
  RegistrySchema::Result schema_;
};

}  // namespace foresight::registry
