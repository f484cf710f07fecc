#include "registry/RegistrySchema.h"

#include "engine/common/Version.h"
#include "registry/RegistryConnection.h"

namespace foresight::registry {

int RegistrySchema::storedVersion(RegistryConnection& db) {
  if (!db.tableExists(QStringLiteral("schema_version"))) return 0;
  QSqlQuery q = db.run(QStringLiteral("SELECT MAX(version) FROM schema_version"));
  return q.next() ? q.value(0).toInt() : 0;
}

void RegistrySchema::refuseNewer(RegistryConnection& db, int stored) {
  throw InputError("registry " + db.uri().redacted() + " has schema version " +
                   std::to_string(stored) + ", but foresight " + kToolVersion +
                   " understands schema versions up to " + std::to_string(kCurrentVersion) +
                   "; use a newer foresight with this registry");
}

RegistrySchema::Result RegistrySchema::ensure(RegistryConnection& db) {
  const int seen = storedVersion(db);  // fast path without taking the write lock
  if (seen == kCurrentVersion) return {};
  if (seen > kCurrentVersion) refuseNewer(db, seen);
  return db.write([&db] {
    if (!db.dialect().schemaLock().isEmpty()) db.execute(db.dialect().schemaLock());
    if (const QString s = db.dialect().createSchema(QString::fromStdString(db.uri().schema()));
        !s.isEmpty())
      db.execute(s);
    // Read again under the lock: another process may have done the work.
    const int stored = storedVersion(db);
    if (stored > kCurrentVersion) refuseNewer(db, stored);
    Result r;
    r.fromVersion = stored;
    if (stored == kCurrentVersion) return r;
    if (stored == 0) createVersion1(db);
    for (int v = std::max(stored, 1) + 1; v <= kCurrentVersion; ++v) migrateTo(db, v);
    db.run(QStringLiteral("UPDATE schema_version SET version = ?"), {kCurrentVersion});
    r.outcome = stored == 0 ? Outcome::Created : Outcome::Upgraded;
    return r;
  });
}

void RegistrySchema::createVersion1(RegistryConnection& db) {
  // A new registry is built as version 1 and then migrated, so every
  // migration runs on every new registry, not only on old ones.
  const char* statements[] = {
      "CREATE TABLE schema_version (version INTEGER NOT NULL)",
      "CREATE TABLE models ("
      " id {ID},"
      " name VARCHAR(128) NOT NULL UNIQUE,"
      " description TEXT NOT NULL DEFAULT '',"
      " created_at VARCHAR(40) NOT NULL,"
      " created_by VARCHAR(300) NOT NULL)",
      "CREATE TABLE model_tags ("
      " model_id BIGINT NOT NULL REFERENCES models(id) ON DELETE CASCADE,"
      " tag_key VARCHAR(128) NOT NULL,"
      " tag_value TEXT NOT NULL,"
      " PRIMARY KEY (model_id, tag_key))",
      "CREATE TABLE model_versions ("
      " id {ID},"
      " model_id BIGINT NOT NULL REFERENCES models(id),"
      " version INTEGER NOT NULL,"
      " artifact {BLOB} NOT NULL,"
      " artifact_sha256 CHAR(64) NOT NULL,"
      " artifact_size BIGINT NOT NULL,"
      " model_type TEXT NOT NULL,"
      " spec TEXT NOT NULL,"
      " series_count INTEGER NOT NULL,"
      " frequency VARCHAR(16) NOT NULL,"
      " data_sha256 VARCHAR(64) NOT NULL,"
      " train_start VARCHAR(40) NOT NULL,"
      " train_end VARCHAR(40) NOT NULL,"
      " metrics TEXT NOT NULL,"
      " params TEXT NOT NULL,"
      " backtest TEXT,"
      " tool_version VARCHAR(64) NOT NULL,"
      " created_at VARCHAR(40) NOT NULL,"
      " created_by VARCHAR(300) NOT NULL,"
      " host VARCHAR(300) NOT NULL,"
      " command_line TEXT NOT NULL,"
      " ci_run_id VARCHAR(200) NOT NULL,"
      " git_commit VARCHAR(200) NOT NULL,"
      " UNIQUE (model_id, version))",
      "CREATE TABLE version_tags ("
      " version_id BIGINT NOT NULL REFERENCES model_versions(id) ON DELETE CASCADE,"
      " tag_key VARCHAR(128) NOT NULL,"
      " tag_value TEXT NOT NULL,"
      " PRIMARY KEY (version_id, tag_key))",
      "CREATE TABLE aliases ("
      " model_id BIGINT NOT NULL REFERENCES models(id),"
      " alias VARCHAR(128) NOT NULL,"
      " version_id BIGINT NOT NULL REFERENCES model_versions(id),"
      " updated_at VARCHAR(40) NOT NULL,"
      " updated_by VARCHAR(300) NOT NULL,"
      " PRIMARY KEY (model_id, alias))",
      "CREATE TABLE events ("
      " id {ID},"
      " model_id BIGINT NOT NULL REFERENCES models(id),"
      " at VARCHAR(40) NOT NULL,"
      " actor VARCHAR(300) NOT NULL,"
      " action VARCHAR(32) NOT NULL,"
      " alias VARCHAR(128),"
      " from_version INTEGER,"
      " to_version INTEGER,"
      " reason TEXT NOT NULL)",
      "CREATE INDEX events_by_model ON events (model_id, id)",
      "CREATE INDEX aliases_by_version ON aliases (version_id)",
  };
  for (const char* s : statements) db.execute(db.dialect().expand(QString::fromUtf8(s)));
  for (const QString& s : db.dialect().appendOnlyHistory()) db.execute(s);
  db.run(QStringLiteral("INSERT INTO schema_version (version) VALUES (1)"));
}

void RegistrySchema::migrateTo(RegistryConnection& db, int version) {
  if (version == 2) {
    db.execute(QStringLiteral("ALTER TABLE model_versions ADD COLUMN archived INTEGER NOT NULL DEFAULT 0"));
    db.execute(QStringLiteral("ALTER TABLE events ADD COLUMN comparison TEXT"));
    db.execute(QStringLiteral("ALTER TABLE models ADD COLUMN last_version INTEGER NOT NULL DEFAULT 0"));
    // Version 1 numbered max+1 over existing versions; the counter starts there.
    db.execute(QStringLiteral(
        "UPDATE models SET last_version = (SELECT COALESCE(MAX(v.version), 0) "
        "FROM model_versions v WHERE v.model_id = models.id)"));
    return;
  }
  if (version == 3) {
    // Existing events were no overrides; the triggers that keep the history
    // append-only do not fire on ALTER TABLE.
    db.execute(QStringLiteral("ALTER TABLE events ADD COLUMN is_override INTEGER NOT NULL DEFAULT 0"));
    db.execute(QStringLiteral("ALTER TABLE events ADD COLUMN failed_rules TEXT"));
    return;
  }
  throw RegistryError("registry " + db.uri().redacted() + ": no migration to schema version " +
                      std::to_string(version));
}

}  // namespace foresight::registry
