// ModelRegistry: export of one model as a JSON bundle, and its import.
#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlQuery>
#include <set>

#include "registry/ArtifactInfo.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryConnection.h"
#include "registry/RegistryJson.h"
#include "registry/RegistryNames.h"

namespace foresight::registry {

namespace {

using nlohmann::json;
constexpr const char* kBundleSchema = "foresight.registry-bundle/1";

std::string sha256Hex(const std::string& bytes) {
  return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256)
      .toHex()
      .toStdString();
}

// Typed access to the bundle with errors naming the file and the field path.
class BundleReader {
 public:
  explicit BundleReader(std::string file) : file_(std::move(file)) {}
  [[noreturn]] void fail(const std::string& field, const std::string& problem, const std::string& value = "") const {
    throw InputError(InputLocation{file_, 0, field, value}, problem);
  }
  const json& member(const json& obj, const std::string& key, const std::string& path, json::value_t type) const {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(path + key, "missing");
    const bool ok = type == json::value_t::number_integer ? it->is_number_integer() : it->type() == type;
    if (!ok) fail(path + key, "has the wrong type (" + std::string(it->type_name()) + ")");
    return *it;
  }
  std::string text(const json& obj, const std::string& key, const std::string& path) const {
    return member(obj, key, path, json::value_t::string).get<std::string>();
  }
  std::string optionalText(const json& obj, const std::string& key, const std::string& path,
                           const std::string& fallback) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return fallback;
    if (!it->is_string()) fail(path + key, "expected a string");
    return it->get<std::string>();
  }
  std::optional<int> optionalInt(const json& obj, const std::string& key, const std::string& path) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) fail(path + key, "expected a whole number or null");
    return it->get<int>();
  }
  Tags tags(const json& obj, const std::string& path) const {
    Tags t;
    const auto it = obj.find("tags");
    if (it == obj.end()) return t;
    if (!it->is_object()) fail(path + "tags", "expected an object of strings");
    for (const auto& [k, v] : it->items()) {
      if (!v.is_string()) fail(path + "tags." + k, "expected a string");
      requireValidName("tag key", k);
      requireValidTagValue(k, v.get<std::string>());
      t[k] = v.get<std::string>();
    }
    return t;
  }

 private:
  std::string file_;
};

}  // namespace

json ModelRegistry::exportModel(const std::string& name) {
  return db_->read([&] {
    const ModelRow model = requireModel(name, false);
    const ModelRecord record = readModels(QStringLiteral("m.id = ?"), {model.id}).front();
    json bundle = {{"schema", kBundleSchema},
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
  const BundleReader in(label);
  json doc;
  try {
    doc = json::parse(bundleBytes);
  } catch (const json::parse_error& e) {
    in.fail("", std::string("not valid JSON (") + e.what() + ")");
  }
  if (!doc.is_object()) in.fail("", "expected a JSON object (a foresight registry bundle)");
  if (const auto s = in.optionalText(doc, "schema", "", ""); s != kBundleSchema)
    in.fail("schema", std::string("expected \"") + kBundleSchema + "\"", s);

  // Read and check the whole bundle before touching the registry.
  const json& jmodel = in.member(doc, "model", "", json::value_t::object);
  const std::string name = renameTo.empty() ? in.text(jmodel, "name", "model.") : renameTo;
  requireValidName("model name", name);
  const Tags modelTags = in.tags(jmodel, "model.");
  const std::string description = in.optionalText(jmodel, "description", "model.", "");
  const std::string modelCreatedAt = in.optionalText(jmodel, "created_at", "model.", now());
  const std::string modelCreatedBy = in.optionalText(jmodel, "created_by", "model.", who_.actor());

  struct Version {
    int number = 0;
    std::string artifact, sha256, createdAt;
    ArtifactInfo info;
    Lineage lineage;
    Tags tags;
    bool archived = false;
    json backtest;
  };
  std::vector<Version> versions;
  std::set<int> numbers;
  const json& jversions = in.member(doc, "versions", "", json::value_t::array);
  for (std::size_t i = 0; i < jversions.size(); ++i) {
    const std::string path = "versions[" + std::to_string(i) + "].";
    const json& jv = jversions[i];
    if (!jv.is_object()) in.fail(path, "expected an object");
    Version v;
    v.number = in.member(jv, "version", path, json::value_t::number_integer).get<int>();
    if (v.number < 1 || !numbers.insert(v.number).second)
      in.fail(path + "version", "must be a positive number that appears once", std::to_string(v.number));
    v.artifact = in.text(jv, "artifact", path);
    v.sha256 = in.text(jv, "sha256", path);
    if (sha256Hex(v.artifact) != v.sha256)
      in.fail(path + "sha256", "does not match the artifact's bytes (the bundle was changed or damaged)");
    v.info = ArtifactInfo::parse(v.artifact, label + ": " + path + "artifact");
    v.createdAt = in.optionalText(jv, "created_at", path, now());
    v.tags = in.tags(jv, path);
    if (const auto a = jv.find("archived"); a != jv.end() && !a->is_boolean())
      in.fail(path + "archived", "expected true or false");
    v.archived = jv.value("archived", false);
    v.backtest = jv.value("backtest", json());
    if (const auto l = jv.find("lineage"); l != jv.end()) {
      if (!l->is_object()) in.fail(path + "lineage", "expected an object");
      const std::string lp = path + "lineage.";
      v.lineage = {in.optionalText(*l, "tool_version", lp, ""), in.optionalText(*l, "user", lp, ""),
                   in.optionalText(*l, "host", lp, ""),         in.optionalText(*l, "command_line", lp, ""),
                   in.optionalText(*l, "ci_run_id", lp, ""),    in.optionalText(*l, "git_commit", lp, "")};
    }
    versions.push_back(std::move(v));
  }

  struct Alias {
    std::string alias;
    int version;
    std::string updatedAt, updatedBy;
  };
  std::vector<Alias> aliases;
  const json& jaliases = in.member(doc, "aliases", "", json::value_t::array);
  for (std::size_t i = 0; i < jaliases.size(); ++i) {
    const std::string path = "aliases[" + std::to_string(i) + "].";
    Alias a{in.text(jaliases[i], "alias", path),
            in.member(jaliases[i], "version", path, json::value_t::number_integer).get<int>(),
            in.optionalText(jaliases[i], "updated_at", path, now()),
            in.optionalText(jaliases[i], "updated_by", path, who_.actor())};
    requireValidName("alias", a.alias);
    if (!numbers.count(a.version))
      in.fail(path + "version", "names a version that is not in the bundle", std::to_string(a.version));
    for (const Alias& before : aliases)
      if (before.alias == a.alias) in.fail(path + "alias", "appears twice", a.alias);
    aliases.push_back(std::move(a));
  }

  std::vector<HistoryEvent> events;
  const json& jhistory = in.member(doc, "history", "", json::value_t::array);
  for (std::size_t i = 0; i < jhistory.size(); ++i) {
    const std::string path = "history[" + std::to_string(i) + "].";
    const json& je = jhistory[i];
    if (!je.is_object()) in.fail(path, "expected an object");
    HistoryEvent e;
    e.at = in.text(je, "at", path);
    e.actor = in.text(je, "actor", path);
    e.action = in.text(je, "action", path);
    e.alias = in.optionalText(je, "alias", path, "");
    e.fromVersion = in.optionalInt(je, "from_version", path);
    e.toVersion = in.optionalInt(je, "to_version", path);
    e.reason = in.optionalText(je, "reason", path, "");
    e.comparison = je.value("comparison", json());
    events.push_back(std::move(e));
  }
  const int lastVersion = std::max(numbers.empty() ? 0 : *numbers.rbegin(),
                                   in.optionalInt(jmodel, "last_version", "model.").value_or(0));
  const std::string importReason = "imported from " + label + " (exported from " +
                                   in.optionalText(doc, "source", "", "?") + " at " +
                                   in.optionalText(doc, "exported_at", "", "?") + ")";

  return db_->write([&] {
    QSqlQuery created = db_->run(
        QStringLiteral("INSERT INTO models (name, description, created_at, created_by, last_version) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"),
        {text(name), text(description), text(modelCreatedAt), text(modelCreatedBy), lastVersion});
    if (created.numRowsAffected() != 1)
      throw RegistryConflictError("registry " + uri().redacted() + " already has a model '" + name +
                                  "'; import does not merge into an existing model, nothing was changed "
                                  "(import it under another name with --as NEW_NAME)");
    const ModelRow row = requireModel(name, true);
    for (const auto& [k, v] : modelTags)
      db_->run(QStringLiteral("INSERT INTO model_tags (model_id, tag_key, tag_value) VALUES (?, ?, ?)"),
               {row.id, text(k), text(v)});
    for (const Version& v : versions) {
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
      const VersionRow vr = requireVersion(row, name, v.number);
      for (const auto& [k, value] : v.tags)
        db_->run(QStringLiteral("INSERT INTO version_tags (version_id, tag_key, tag_value) VALUES (?, ?, ?)"),
                 {vr.id, text(k), text(value)});
    }
    for (const Alias& a : aliases)
      db_->run(QStringLiteral("INSERT INTO aliases (model_id, alias, version_id, updated_at, updated_by) "
                              "VALUES (?, ?, ?, ?, ?)"),
               {row.id, text(a.alias), requireVersion(row, name, a.version).id, text(a.updatedAt),
                text(a.updatedBy)});
    // The history arrives as it was, in order; then the import itself.
    for (const HistoryEvent& e : events)
      db_->run(QStringLiteral("INSERT INTO events (model_id, at, actor, action, alias, from_version, "
                              "to_version, reason, comparison) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {row.id, text(e.at), text(e.actor), text(e.action), e.alias.empty() ? nullText() : text(e.alias),
                e.fromVersion ? QVariant(*e.fromVersion) : nullInt(),
                e.toVersion ? QVariant(*e.toVersion) : nullInt(), text(e.reason),
                e.comparison.is_null() ? nullText() : text(e.comparison.dump())});
    appendEvent(row.id, {"import", "", std::nullopt, std::nullopt, importReason, nullptr});
    return ImportResult{name, static_cast<int>(versions.size()), static_cast<int>(aliases.size()),
                        static_cast<int>(events.size())};
  });
}

}  // namespace foresight::registry
