#include "registry/ModelRegistry.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <algorithm>

#include "registry/ArtifactInfo.h"
#include "registry/RegistryConnection.h"
#include "registry/RegistryJson.h"
#include "registry/RegistryNames.h"

namespace foresight::registry {

namespace {
std::string sha256Hex(const QByteArray& bytes) {
  return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}
QVariant jsonOrNull(const nlohmann::json& j) {
  return j.is_null() ? nullText() : QVariant(QString::fromStdString(j.dump()));
}
QVariant optionalInt(const std::optional<int>& v) { return v ? QVariant(*v) : nullInt(); }
}  // namespace

ModelRegistry::ModelRegistry(const RegistryUri& uri, Lineage who)
    : db_(std::make_unique<RegistryConnection>(uri)), who_(std::move(who)) {
  schema_ = RegistrySchema::ensure(*db_);
}

ModelRegistry::~ModelRegistry() = default;

const RegistryUri& ModelRegistry::uri() const { return db_->uri(); }

std::string ModelRegistry::now() const {
  return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
}

void ModelRegistry::unknownModel(const std::string& name) {
  throw InputError("registry " + uri().redacted() + " has no model '" + name +
                   "' (see 'foresight registry list')");
}

ModelRegistry::ModelRow ModelRegistry::requireModel(const std::string& name, bool lock) {
  requireValidName("model name", name);
  QSqlQuery q = db_->run(QStringLiteral("SELECT id, last_version FROM models WHERE name = ?") +
                             (lock ? db_->dialect().lockRows() : QString()),
                         {text(name)});
  if (!q.next()) unknownModel(name);
  return {q.value(0).toLongLong(), q.value(1).toInt()};
}

ModelRegistry::VersionRow ModelRegistry::requireVersion(const ModelRow& model, const std::string& name,
                                                        int version) {
  QSqlQuery q = db_->run(
      QStringLiteral("SELECT id, archived FROM model_versions WHERE model_id = ? AND version = ?"),
      {model.id, version});
  if (!q.next()) {
    const bool wasDeleted = version >= 1 && version <= model.lastVersion;
    throw InputError("model '" + name + "' has no version " + std::to_string(version) +
                         (wasDeleted ? " (it was deleted)" : "") + " in registry " + uri().redacted());
  }
  return {q.value(0).toLongLong(), version, q.value(1).toInt() != 0};
}

std::optional<int> ModelRegistry::aliasTarget(long long modelId, const std::string& alias) {
  QSqlQuery q = db_->run(QStringLiteral("SELECT v.version FROM aliases a JOIN model_versions v "
                                        "ON v.id = a.version_id WHERE a.model_id = ? AND a.alias = ?"),
                         {modelId, text(alias)});
  if (!q.next()) return std::nullopt;
  return q.value(0).toInt();
}

std::vector<std::string> ModelRegistry::aliasesOf(long long versionId) {
  QSqlQuery q = db_->run(QStringLiteral("SELECT alias FROM aliases WHERE version_id = ?"), {versionId});
  std::vector<std::string> out;
  while (q.next()) out.push_back(q.value(0).toString().toStdString());
  std::sort(out.begin(), out.end());
  return out;
}

void ModelRegistry::appendEvent(long long modelId, const EventData& e) {
  db_->run(QStringLiteral("INSERT INTO events (model_id, at, actor, action, alias, from_version, "
                          "to_version, reason, comparison, is_override, failed_rules) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
           {modelId, text(now()), text(who_.actor()), text(e.action),
            e.alias.empty() ? nullText() : text(e.alias), optionalInt(e.from), optionalInt(e.to),
            text(e.reason), jsonOrNull(e.comparison), e.isOverride ? 1 : 0,
            e.isOverride ? jsonOrNull(toJson(e.failedRules)) : nullText()});
}

void ModelRegistry::moveAlias(long long modelId, const std::string& alias, const VersionRow& target,
                              EventData event) {
  event.alias = alias;
  event.from = aliasTarget(modelId, alias);
  event.to = target.version;
  if (event.from)
    db_->run(QStringLiteral("UPDATE aliases SET version_id = ?, updated_at = ?, updated_by = ? "
                            "WHERE model_id = ? AND alias = ?"),
             {target.id, text(now()), text(who_.actor()), modelId, text(alias)});
  else
    db_->run(QStringLiteral("INSERT INTO aliases (model_id, alias, version_id, updated_at, updated_by) "
                            "VALUES (?, ?, ?, ?, ?)"),
             {modelId, text(alias), target.id, text(now()), text(who_.actor())});
  appendEvent(modelId, event);
}

PushResult ModelRegistry::push(const PushRequest& r) {
  requireValidName("model name", r.name);
  for (const Tags* tags : {&r.tags, &r.modelTags}) {
    for (const auto& [k, v] : *tags) {
      requireValidName("tag key", k);
      requireValidTagValue(k, v);
    }
  }
  std::vector<std::string> aliases;
  for (const auto& a : r.aliases) {
    if (std::find(aliases.begin(), aliases.end(), a) != aliases.end()) continue;
    aliases.push_back(a);
    requireValidName("alias", a);
    if (a == kChampion)
      throw InputError("push --alias champion: the champion moves only by compare-and-set: push, then "
                       "'foresight registry promote NAME VERSION --expect CURRENT|none'");
  }
  const ArtifactInfo info = ArtifactInfo::parse(r.artifact, r.artifactLabel);
  const QByteArray bytes = QByteArray::fromStdString(r.artifact);
  const std::string sha = sha256Hex(bytes);

  return db_->write([&] {
    PushResult result{r.name, 0, sha, false, aliases};
    QSqlQuery created = db_->run(
        QStringLiteral("INSERT INTO models (name, description, created_at, created_by) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"),
        {text(r.name), text(r.description.value_or("")), text(now()), text(who_.actor())});
    result.createdModel = created.numRowsAffected() == 1;
    // The model row's lock serializes pushes of one model (PostgreSQL); SQLite
    // already holds the database's write lock since BEGIN IMMEDIATE.
    const ModelRow model = requireModel(r.name, true);
    if (r.description && !result.createdModel)
      db_->run(QStringLiteral("UPDATE models SET description = ? WHERE id = ?"), {text(*r.description), model.id});
    for (const auto& [k, v] : r.modelTags) {
      db_->run(QStringLiteral("DELETE FROM model_tags WHERE model_id = ? AND tag_key = ?"), {model.id, text(k)});
      db_->run(QStringLiteral("INSERT INTO model_tags (model_id, tag_key, tag_value) VALUES (?, ?, ?)"),
               {model.id, text(k), text(v)});
    }
    result.version = model.lastVersion + 1;
    db_->run(QStringLiteral("UPDATE models SET last_version = ? WHERE id = ?"), {result.version, model.id});
    db_->run(QStringLiteral(
                 "INSERT INTO model_versions (model_id, version, artifact, artifact_sha256, artifact_size, "
                 "model_type, spec, series_count, frequency, data_sha256, train_start, train_end, metrics, "
                 "params, backtest, tool_version, created_at, created_by, host, command_line, ci_run_id, "
                 "git_commit, archived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"),
             {model.id, result.version, bytes, text(sha), static_cast<qlonglong>(bytes.size()),
              text(info.modelType), text(info.spec), info.seriesCount, text(info.frequency),
              text(info.dataSha256), text(info.trainStart), text(info.trainEnd), text(info.metrics.dump()),
              text(info.params.dump()), jsonOrNull(r.backtest), text(who_.toolVersion), text(now()),
              text(who_.user), text(who_.host), text(who_.commandLine), text(who_.ciRunId),
              text(who_.gitCommit)});
    const VersionRow row = requireVersion(model, r.name, result.version);
    for (const auto& [k, v] : r.tags)
      db_->run(QStringLiteral("INSERT INTO version_tags (version_id, tag_key, tag_value) VALUES (?, ?, ?)"),
               {row.id, text(k), text(v)});
    appendEvent(model.id, {"push", "", std::nullopt, result.version, "", nullptr});
    for (const auto& a : aliases) moveAlias(model.id, a, row, {"alias-set", "", {}, {}, "set at push", nullptr});
    return result;
  });
}

VersionRecord ModelRegistry::findVersion(const ModelReference& ref, std::string* bytes) {
  const ModelRow model = requireModel(ref.name, false);
  std::vector<VersionRecord> found;
  if (ref.version) {
    found = readVersions(QStringLiteral("v.model_id = ? AND v.version = ?"), {model.id, *ref.version});
    if (found.empty()) requireVersion(model, ref.name, *ref.version);  // throws the precise error
  } else if (ref.alias) {
    requireValidName("alias", *ref.alias);
    found = readVersions(QStringLiteral("v.id = (SELECT a.version_id FROM aliases a "
                                        "WHERE a.model_id = ? AND a.alias = ?)"),
                         {model.id, text(*ref.alias)});
    if (found.empty())
      throw InputError("model '" + ref.name + "' has no alias '" + *ref.alias + "' in registry " +
                           uri().redacted() + " (see 'foresight registry show " + ref.name + "')");
  } else {
    found = readVersions(QStringLiteral("v.model_id = ? AND v.version = (SELECT MAX(l.version) FROM "
                                        "model_versions l WHERE l.model_id = ? AND l.archived = 0)"),
                         {model.id, model.id});
    if (found.empty())
      throw InputError("model '" + ref.name + "' has no version that is not archived in registry " +
                       uri().redacted());
  }
  VersionRecord v = std::move(found.front());
  if (bytes) {
    QSqlQuery q = db_->run(
        QStringLiteral("SELECT artifact FROM model_versions WHERE model_id = ? AND version = ?"),
        {model.id, v.version});
    q.next();
    const QByteArray stored = q.value(0).toByteArray();
    const std::string computed = sha256Hex(stored);
    if (computed != v.sha256) throw RegistryIntegrityError(uri().redacted(), v.model, v.version, v.sha256, computed);
    *bytes = stored.toStdString();
  }
  return v;
}

PulledArtifact ModelRegistry::pull(const ModelReference& ref) {
  return db_->read([&] {
    PulledArtifact p;
    p.version = findVersion(ref, &p.bytes);
    return p;
  });
}

VersionRecord ModelRegistry::resolve(const ModelReference& ref) {
  return db_->read([&] { return findVersion(ref, nullptr); });
}

}  // namespace foresight::registry
