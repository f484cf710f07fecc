// ModelRegistry: the read side (list, show, history, search).
#include <QSqlQuery>
#include <algorithm>
#include <map>

#include "registry/ModelRegistry.h"
#include "registry/RegistryConnection.h"
#include "registry/RegistryJson.h"
#include "registry/RegistryNames.h"

namespace foresight::registry {

namespace {

std::string str(const QVariant& v) { return v.toString().toStdString(); }

nlohmann::json storedJson(const QVariant& v) {
  if (v.isNull() || v.toString().isEmpty()) return nullptr;
  auto j = nlohmann::json::parse(v.toString().toStdString(), nullptr, false);
  return j.is_discarded() ? nlohmann::json(v.toString().toStdString()) : j;
}

std::optional<int> optionalInt(const QVariant& v) {
  if (v.isNull()) return std::nullopt;
  return v.toInt();
}

// Glob (* and ?) to a LIKE pattern; '!' escapes LIKE's own wildcards (a
// backslash would mean different things to different SQL parsers).
std::string likePattern(const std::string& glob) {
  std::string out;
  for (char c : glob) {
    if (c == '*') out += '%';
    else if (c == '?') out += '_';
    else if (c == '%' || c == '_' || c == '!') out += std::string("!") + c;
    else out += c;
  }
  return out;
}

}  // namespace

std::vector<VersionRecord> ModelRegistry::readVersions(const QString& where, const QVariantList& values) {
  const QString from = QStringLiteral(" FROM model_versions v JOIN models m ON m.id = v.model_id WHERE ") + where;
  QSqlQuery q = db_->run(
      QStringLiteral("SELECT v.id, m.name, v.version, v.artifact_sha256, v.artifact_size, v.model_type, "
                     "v.spec, v.series_count, v.frequency, v.data_sha256, v.train_start, v.train_end, "
                     "v.metrics, v.params, v.backtest, v.tool_version, v.created_at, v.created_by, "
                     "v.host, v.command_line, v.ci_run_id, v.git_commit, v.archived") +
          from + QStringLiteral(""),
      values);
  std::vector<std::pair<long long, VersionRecord>> rows;
  while (q.next()) {
    VersionRecord r;
    r.model = str(q.value(1));
    r.version = q.value(2).toInt();
    r.sha256 = str(q.value(3));
    r.size = q.value(4).toLongLong();
    r.modelType = str(q.value(5));
    r.spec = str(q.value(6));
    r.seriesCount = q.value(7).toInt();
    r.frequency = str(q.value(8));
    r.dataSha256 = str(q.value(9));
    r.trainStart = str(q.value(10));
    r.trainEnd = str(q.value(11));
    r.metrics = storedJson(q.value(12));
    r.params = storedJson(q.value(13));
    r.backtest = storedJson(q.value(14));
    r.lineage = {str(q.value(15)), str(q.value(17)), str(q.value(18)), str(q.value(19)),
                 str(q.value(20)), str(q.value(21))};
    r.createdAt = str(q.value(16));
    r.archived = q.value(22).toInt() != 0;
    rows.emplace_back(q.value(0).toLongLong(), std::move(r));
  }
  // Byte order on every backend (PostgreSQL would sort by its collation).
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.model != b.second.model ? a.second.model < b.second.model : a.second.version < b.second.version;
  });
  std::vector<VersionRecord> out;
  std::map<long long, std::size_t> index;
  for (auto& [id, r] : rows) {
    index[id] = out.size();
    out.push_back(std::move(r));
  }
  if (out.empty()) return out;
  QSqlQuery tags = db_->run(
      QStringLiteral("SELECT t.version_id, t.tag_key, t.tag_value FROM version_tags t WHERE t.version_id IN "
                     "(SELECT v.id") + from + QStringLiteral(")"),
      values);
  while (tags.next())
    if (auto it = index.find(tags.value(0).toLongLong()); it != index.end())
      out[it->second].tags[str(tags.value(1))] = str(tags.value(2));
  QSqlQuery aliases = db_->run(
      QStringLiteral("SELECT a.version_id, a.alias FROM aliases a WHERE a.version_id IN (SELECT v.id") +
          from + QStringLiteral(")"),
      values);
  while (aliases.next())
    if (auto it = index.find(aliases.value(0).toLongLong()); it != index.end())
      out[it->second].aliases.push_back(str(aliases.value(1)));
  for (auto& v : out) std::sort(v.aliases.begin(), v.aliases.end());
  return out;
}

std::vector<ModelRecord> ModelRegistry::readModels(const QString& where, const QVariantList& values) {
  std::vector<ModelRecord> out;
  std::map<std::string, std::size_t> index;
  QSqlQuery q = db_->run(QStringLiteral(
      "SELECT m.name, m.description, m.created_at, m.created_by, "
      "(SELECT MAX(v.version) FROM model_versions v WHERE v.model_id = m.id AND v.archived = 0), "
      "(SELECT COUNT(*) FROM model_versions v WHERE v.model_id = m.id) "
      "FROM models m WHERE ") + where, values);
  while (q.next()) {
    ModelRecord r;
    r.name = str(q.value(0));
    r.description = str(q.value(1));
    r.createdAt = str(q.value(2));
    r.createdBy = str(q.value(3));
    r.latestVersion = q.value(4).isNull() ? 0 : q.value(4).toInt();
    r.versionCount = q.value(5).toInt();
    out.push_back(std::move(r));
  }
  // Byte order on every backend, as for versions.
  std::sort(out.begin(), out.end(), [](const ModelRecord& a, const ModelRecord& b) { return a.name < b.name; });
  for (std::size_t i = 0; i < out.size(); ++i) index[out[i].name] = i;
  QSqlQuery tags = db_->run(QStringLiteral(
      "SELECT m.name, t.tag_key, t.tag_value FROM model_tags t JOIN models m ON m.id = t.model_id "
      "WHERE ") + where, values);
  while (tags.next())
    if (auto it = index.find(str(tags.value(0))); it != index.end())
      out[it->second].tags[str(tags.value(1))] = str(tags.value(2));
  QSqlQuery aliases = db_->run(QStringLiteral(
      "SELECT m.name, a.alias, v.version FROM aliases a JOIN models m ON m.id = a.model_id "
      "JOIN model_versions v ON v.id = a.version_id WHERE ") + where, values);
  while (aliases.next())
    if (auto it = index.find(str(aliases.value(0))); it != index.end())
      out[it->second].aliases[str(aliases.value(1))] = aliases.value(2).toInt();
  return out;
}

std::vector<ModelRecord> ModelRegistry::list() {
  return db_->read([&] { return readModels(QStringLiteral("1 = 1"), {}); });
}

ModelDetails ModelRegistry::show(const std::string& name) {
  requireValidName("model name", name);
  return db_->read([&] {
    ModelDetails d;
    const ModelRow model = requireModel(name, false);
    d.model = std::move(readModels(QStringLiteral("m.id = ?"), {model.id}).front());
    d.versions = readVersions(QStringLiteral("v.model_id = ?"), {model.id});
    return d;
  });
}

std::vector<HistoryEvent> ModelRegistry::readHistory(long long modelId, const std::string& name) {
  QSqlQuery q = db_->run(QStringLiteral("SELECT id, at, actor, action, alias, from_version, to_version, "
                                        "reason, comparison, is_override, failed_rules FROM events "
                                        "WHERE model_id = ? ORDER BY id"),
                         {modelId});
  std::vector<HistoryEvent> out;
  while (q.next()) {
    HistoryEvent e;
    e.id = q.value(0).toLongLong();
    e.model = name;
    e.at = str(q.value(1));
    e.actor = str(q.value(2));
    e.action = str(q.value(3));
    e.alias = str(q.value(4));
    e.fromVersion = optionalInt(q.value(5));
    e.toVersion = optionalInt(q.value(6));
    e.reason = str(q.value(7));
    e.comparison = storedJson(q.value(8));
    e.isOverride = q.value(9).toInt() != 0;
    e.failedRules = failedRulesFromJson(storedJson(q.value(10)));
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<HistoryEvent> ModelRegistry::history(const std::string& name) {
  return db_->read([&] { return readHistory(requireModel(name, false).id, name); });
}

long long ModelRegistry::lastChange() {
  return db_->read([&] {
    QSqlQuery q = db_->run(QStringLiteral("SELECT MAX(id) FROM events"));
    return q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : 0LL;
  });
}

std::vector<VersionRecord> ModelRegistry::search(const SearchQuery& query) {
  // Only fixed fragments are appended; every user value is bound.
  QString where = QStringLiteral("1 = 1");
  QVariantList values;
  if (!query.namePattern.empty()) {
    where += QStringLiteral(" AND LOWER(m.name) LIKE LOWER(?) ESCAPE '!'");
    values << text(likePattern(query.namePattern));
  }
  if (!query.tag.empty()) {
    const auto eq = query.tag.find('=');
    const std::string key = query.tag.substr(0, eq);
    requireValidName("tag key", key);
    const bool withValue = eq != std::string::npos;
    const QString valueTest = withValue ? QStringLiteral(" AND t.tag_value = ?") : QString();
    where += QStringLiteral(" AND (EXISTS (SELECT 1 FROM version_tags t WHERE t.version_id = v.id "
                            "AND t.tag_key = ?%1) OR EXISTS (SELECT 1 FROM model_tags t WHERE "
                            "t.model_id = m.id AND t.tag_key = ?%1))").arg(valueTest);
    for (int i = 0; i < 2; ++i) {
      values << text(key);
      if (withValue) values << text(query.tag.substr(eq + 1));
    }
  }
  if (!query.alias.empty()) {
    requireValidName("alias", query.alias);
    where += QStringLiteral(" AND EXISTS (SELECT 1 FROM aliases a WHERE a.version_id = v.id AND a.alias = ?)");
    values << text(query.alias);
  }
  if (!query.includeArchived) where += QStringLiteral(" AND v.archived = 0");
  return db_->read([&] { return readVersions(where, values); });
}

}  // namespace foresight::registry
