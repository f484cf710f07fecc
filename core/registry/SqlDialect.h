// Everything that differs between SQLite and PostgreSQL for the registry, in
// one place; the rest of the registry speaks one SQL.
#pragma once

#include <QString>
#include <QStringList>

#include "registry/RegistryUri.h"

class QSqlError;

namespace foresight::registry {

class SqlDialect {
 public:
  explicit SqlDialect(RegistryUri::Backend backend) : backend_(backend) {}
  RegistryUri::Backend backend() const { return backend_; }
  bool isSqlite() const { return backend_ == RegistryUri::Backend::Sqlite; }

  // The QtSql driver: QSQLITE or QPSQL.
  QString driverName() const;
  // DDL with {ID} (auto-numbered primary key) and {BLOB} (bytes) expanded.
  QString expand(QString ddl) const;
  // Statements run once on every new connection (PRAGMAs, search_path).
  QStringList sessionSetup(const QString& schema) const;

  // Opens a write transaction that takes the write lock up front: SQLite's
  // BEGIN IMMEDIATE serializes writers instead of failing them at commit.
  QString beginWrite() const;
  // Opens a read transaction giving one consistent snapshot.
  QString beginRead() const;
  // Suffix of a SELECT that locks the rows it reads until commit
  // (PostgreSQL FOR UPDATE; SQLite already holds the database write lock).
  QString lockRows() const;
  // Serializes concurrent schema creation (PostgreSQL advisory lock); empty for SQLite.
  QString schemaLock() const;
  // SELECT returning a row when the table named by the one bound value exists.
  QString tableExistsQuery() const;
  // Triggers that refuse UPDATE and DELETE on the events table.
  QStringList appendOnlyHistory() const;
  // CREATE SCHEMA for a named PostgreSQL schema; empty for SQLite.
  QString createSchema(const QString& schema) const;

  // True for conditions that go away when the transaction is retried:
  // SQLite BUSY/LOCKED, PostgreSQL serialization failure or deadlock.
  bool isTransient(const QSqlError& error) const;

 private:
  RegistryUri::Backend backend_;
};

}  // namespace foresight::registry
