// ModelRegistry: archiving, deleting and verifying versions.
#include <QCryptographicHash>
#include <QSqlQuery>
#include <algorithm>

#include "registry/ModelRegistry.h"
#include "registry/RegistryConnection.h"
#include "registry/RegistryNames.h"

namespace foresight::registry {

namespace {
std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "'" : ", '") + i + "'";
  return s;
}
}  // namespace

bool ModelRegistry::setArchived(const std::string& name, int version, bool archived, const std::string& reason) {
  return db_->write([&] {
    const ModelRow model = requireModel(name, true);
    const VersionRow row = requireVersion(model, name, version);
    if (row.archived == archived) return false;
    if (archived) {
      if (const auto aliases = aliasesOf(row.id); !aliases.empty())
        throw InputError("model '" + name + "' version " + std::to_string(version) +
                             " is pointed at by alias " + joined(aliases) +
                             "; move or remove the alias before archiving it");
    }
    db_->run(QStringLiteral("UPDATE model_versions SET archived = ? WHERE id = ?"), {archived ? 1 : 0, row.id});
    appendEvent(model.id, {archived ? "archive" : "restore", "", version, std::nullopt, reason, nullptr});
    return true;
  });
}

WithdrawResult ModelRegistry::withdraw(const std::string& name, int version, const std::string& reason) {
  requireValidName("model name", name);
  return db_->write([&] {
    const ModelRow model = requireModel(name, true);
    const VersionRow row = requireVersion(model, name, version);
    WithdrawResult result;
    for (const std::string& alias : aliasesOf(row.id)) {
      if (alias == kChampion) {
        const std::optional<int> back = rollbackTarget(readHistory(model.id, name), version);
        if (back) {
          moveAlias(model.id, kChampion, requireVersion(model, name, *back), {"rollback", "", {}, {}, reason, nullptr});
          result.championRestored = back;
          continue;
        }
        result.championRemoved = true;
      } else {
        result.removedAliases.push_back(alias);
      }
      db_->run(QStringLiteral("DELETE FROM aliases WHERE model_id = ? AND alias = ?"), {model.id, text(alias)});
      appendEvent(model.id, {"alias-remove", alias, version, std::nullopt, reason, nullptr});
    }
    if (!row.archived) {
      db_->run(QStringLiteral("UPDATE model_versions SET archived = 1 WHERE id = ?"), {row.id});
      appendEvent(model.id, {"archive", "", version, std::nullopt, reason, nullptr});
      result.archived = true;
    }
    return result;
  });
}

void ModelRegistry::deleteVersion(const std::string& name, int version, const std::string& reason) {
  db_->write([&] {
    const ModelRow model = requireModel(name, true);
    const VersionRow row = requireVersion(model, name, version);
    if (const auto aliases = aliasesOf(row.id); !aliases.empty())
      throw InputError("model '" + name + "' version " + std::to_string(version) +
                           " is pointed at by alias " + joined(aliases) +
                           "; move or remove the alias before deleting it");
    db_->run(QStringLiteral("DELETE FROM version_tags WHERE version_id = ?"), {row.id});
    db_->run(QStringLiteral("DELETE FROM model_versions WHERE id = ?"), {row.id});
    appendEvent(model.id, {"delete", "", version, std::nullopt, reason, nullptr});
  });
}

VerifyReport ModelRegistry::verify(const std::optional<std::string>& name) {
  if (name) requireValidName("model name", *name);
  return db_->read([&] {
    if (name) requireModel(*name, false);
    // The list first, then one artifact at a time, so memory stays at one artifact.
    QSqlQuery q = db_->run(
        QStringLiteral("SELECT v.id, m.name, v.version, v.artifact_sha256, v.artifact_size FROM model_versions v "
                       "JOIN models m ON m.id = v.model_id WHERE (? = '' OR m.name = ?)"),
        {text(name.value_or("")), text(name.value_or(""))});
    std::vector<std::pair<long long, VerifyEntry>> rows;
    while (q.next())
      rows.push_back({q.value(0).toLongLong(),
                      {q.value(1).toString().toStdString(), q.value(2).toInt(),
                       q.value(3).toString().toStdString(), "", q.value(4).toLongLong()}});
    q.finish();
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second.model != b.second.model ? a.second.model < b.second.model : a.second.version < b.second.version;
    });
    VerifyReport report;
    for (auto& [id, entry] : rows) {
      QSqlQuery a = db_->run(QStringLiteral("SELECT artifact FROM model_versions WHERE id = ?"), {id});
      const QByteArray bytes = a.next() ? a.value(0).toByteArray() : QByteArray();
      entry.computedSha256 =
          QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
      entry.size = bytes.size();
      report.entries.push_back(std::move(entry));
    }
    return report;
  });
}

}  // namespace foresight::registry
