// ModelRegistry: export of one model as a JSON bundle, and its import.
#include <QCryptographicHash>
#include <QSqlQuery>

#include "registry/ModelRegistry.h"
#include "registry/RegistryBundle.h"
#include "registry/RegistryConnection.h"
#include "registry/RegistryJson.h"
#include "registry/RegistryNames.h"

namespace foresight::registry {

namespace {

using nlohmann::json;

std::string sha256Hex(const std::string& bytes) {
  return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256)
      .toHex()
      .toStdString();
}

}  // namespace

json ModelRegistry::exportModel(const std::string& name) {
  return db_->read([&] {
    const ModelRow model = requireModel(name, false);
    const ModelRecord record = readModels(QStringLiteral("m.id = ?"), {model.id}).front();
    json bundle = {{"schema", RegistryBundle::kSchema},
                   {"exported_at", now()},
                   {"exported_by", who_.actor()},
                   {"tool_version", who_.toolVersion},
                   {"source", uri().redacted()},
                   {"model",
                    {{"name", record.name},
                     {"description", record.description},
                     {"tags", record.tags},
                     {"created_at", record.createdAt},
                     {"created_by", record.createdBy},
                     {"last_version", model.lastVersion}}},
                   {"versions", json::array()},
                   {"aliases", json::array()},
                   {"history", json::array()}};
    for (const VersionRecord& v : readVersions(QStringLiteral("v.model_id = ?"), {model.id})) {
      QSqlQuery a = db_->run(QStringLiteral("SELECT artifact FROM model_versions WHERE model_id = ? AND version = ?"),
                             {model.id, v.version});
      a.next();
      const std::string bytes = a.value(0).toByteArray().toStdString();
      if (const std::string computed = sha256Hex(bytes); computed != v.sha256)
        throw RegistryIntegrityError(uri().redacted(), name, v.version, v.sha256, computed);
      json jv = toJson(v);
      jv.erase("model");
      jv.erase("aliases");
      // The artifact is JSON text and so valid UTF-8: as a JSON string it
      // round-trips byte for byte.
      jv["artifact"] = bytes;
      bundle["versions"].push_back(std::move(jv));
    }
    QSqlQuery q = db_->run(QStringLiteral("SELECT a.alias, v.version, a.updated_at, a.updated_by FROM aliases a "
                                          "JOIN model_versions v ON v.id = a.version_id WHERE a.model_id = ? "
                                          "ORDER BY a.alias"),
                           {model.id});
    while (q.next())
      bundle["aliases"].push_back({{"alias", q.value(0).toString().toStdString()},
                                   {"version", q.value(1).toInt()},
                                   {"updated_at", q.value(2).toString().toStdString()},
                                   {"updated_by", q.value(3).toString().toStdString()}});
    for (const HistoryEvent& e : readHistory(model.id, name)) {
      json je = toJson(e);
      je.erase("id");
      je.erase("model");
      bundle["history"].push_back(std::move(je));
    }
    return bundle;
  });
}

ImportResult ModelRegistry::importModel(const std::string& bundleBytes, const std::string& label,
                                        const std::string& renameTo) {
  // Everything is read and checked before the registry is touched.
  RegistryBundle b = RegistryBundle::parse(bundleBytes, label, now(), who_.actor());
  if (!renameTo.empty()) b.name = renameTo;
  requireValidName("model name", b.name);
  const std::string importReason =
      "imported from " + label + " (exported from " + b.source + " at " + b.exportedAt + ")";

  return db_->write([&] {
    QSqlQuery created = db_->run(
        QStringLiteral("INSERT INTO models (name, description, created_at, created_by, last_version) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"),
        {text(b.name), text(b.description), text(b.createdAt), text(b.createdBy), b.lastVersion});
    if (created.numRowsAffected() != 1)
      throw RegistryConflictError("registry " + uri().redacted() + " already has a model '" + b.name +
                                  "'; import does not merge into an existing model, nothing was changed "
                                  "(import it under another name with --as NEW_NAME)");
    const ModelRow row = requireModel(b.name, true);
    for (const auto& [k, v] : b.tags)
      db_->run(QStringLiteral("INSERT INTO model_tags (model_id, tag_key, tag_value) VALUES (?, ?, ?)"),
               {row.id, text(k), text(v)});
    for (const RegistryBundle::Version& v : b.versions) {
      const QByteArray bytes = QByteArray::fromStdString(v.artifact);
      db_->run(QStringLiteral(
                   "INSERT INTO model_versions (model_id, version, artifact, artifact_sha256, artifact_size, "
                   "model_type, spec, series_count, frequency, data_sha256, train_start, train_end, metrics, "
                   "params, backtest, tool_version, created_at, created_by, host, command_line, ci_run_id, "
                   "git_commit, archived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {row.id, v.number, bytes, text(v.sha256), static_cast<qlonglong>(bytes.size()),
                text(v.info.modelType), text(v.info.spec), v.info.seriesCount, text(v.info.frequency),
                text(v.info.dataSha256), text(v.info.trainStart), text(v.info.trainEnd),
                text(v.info.metrics.dump()), text(v.info.params.dump()),
                v.backtest.is_null() ? nullText() : text(v.backtest.dump()), text(v.lineage.toolVersion),
                text(v.createdAt), text(v.lineage.user), text(v.lineage.host), text(v.lineage.commandLine),
                text(v.lineage.ciRunId), text(v.lineage.gitCommit), v.archived ? 1 : 0});
      const VersionRow vr = requireVersion(row, b.name, v.number);
      for (const auto& [k, value] : v.tags)
        db_->run(QStringLiteral("INSERT INTO version_tags (version_id, tag_key, tag_value) VALUES (?, ?, ?)"),
                 {vr.id, text(k), text(value)});
    }
    for (const RegistryBundle::Alias& a : b.aliases)
      db_->run(QStringLiteral("INSERT INTO aliases (model_id, alias, version_id, updated_at, updated_by) "
                              "VALUES (?, ?, ?, ?, ?)"),
               {row.id, text(a.alias), requireVersion(row, b.name, a.version).id, text(a.updatedAt),
                text(a.updatedBy)});
    // The history arrives as it was, in order; then the import itself.
    for (const HistoryEvent& e : b.history)
      db_->run(QStringLiteral("INSERT INTO events (model_id, at, actor, action, alias, from_version, "
                              "to_version, reason, comparison, is_override, failed_rules) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {row.id, text(e.at), text(e.actor), text(e.action), e.alias.empty() ? nullText() : text(e.alias),
                e.fromVersion ? QVariant(*e.fromVersion) : nullInt(),
                e.toVersion ? QVariant(*e.toVersion) : nullInt(), text(e.reason),
                e.comparison.is_null() ? nullText() : text(e.comparison.dump()), e.isOverride ? 1 : 0,
                e.isOverride ? text(toJson(e.failedRules).dump()) : nullText()});
    appendEvent(row.id, {"import", "", std::nullopt, std::nullopt, importReason, nullptr});
    return ImportResult{b.name, static_cast<int>(b.versions.size()), static_cast<int>(b.aliases.size()),
                        static_cast<int>(b.history.size())};
  });
}

}  // namespace foresight::registry
