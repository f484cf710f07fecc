// Choosing where the registry lives, shared by the Registry page and the
// start page: an SQLite file picked or named in a file dialog (created on
// first use), or a PostgreSQL database (PostgresDialog).
#pragma once

#include <QString>

class QWidget;

namespace foresight::ui {

class JobRunner;
class WorkbenchSession;

class RegistryLocation {
 public:
  // The URI of an SQLite registry file: absolute, ".db" added when the name
  // has no suffix.
  static QString sqliteUri(const QString& file);
  // Asks for an existing or new registry file; empty when cancelled.
  static QString askSqlite(QWidget* parent, const QString& startDir);
  // Asks for a PostgreSQL connection (with a test); empty when cancelled.
  static QString askPostgres(QWidget* parent, JobRunner& jobs, const QString& current);
  // Makes `uri` the session's registry and the saved setting. Returns the
  // problem when the URI is malformed (nothing changes then), else empty.
  static QString use(WorkbenchSession& session, const QString& uri);
};

}  // namespace foresight::ui
