// One open database connection of the registry: a uniquely named
// QSqlDatabase that is removed again when this object dies (QtSql
// connections belong to the thread that made them), prepared statements with
// bound values only, and transactions that retry transient failures.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <type_traits>  // std::is_void_v
#include <utility>

#include "registry/RegistryErrors.h"
#include "registry/RegistryUri.h"
#include "registry/SqlDialect.h"

namespace foresight::registry {

class RegistryConnection {
 public:
  // Opens the database; RegistryError (without the password) when it cannot.
  explicit RegistryConnection(RegistryUri uri);
  ~RegistryConnection();
  RegistryConnection(const RegistryConnection&) = delete;
  RegistryConnection& operator=(const RegistryConnection&) = delete;

  const RegistryUri& uri() const { return uri_; }
  const SqlDialect& dialect() const { return dialect_; }

  // Prepares `sql`, binds `values` in order and runs it. Throws
  // RegistryBusyError for transient conditions, RegistryError otherwise.
  QSqlQuery run(const QString& sql, const QVariantList& values = {}) const;
  // Runs a statement that takes no values (DDL, BEGIN, COMMIT).
  void execute(const QString& sql) const;
  // Whether `table` exists in the registry's schema.
  bool tableExists(const QString& table) const;

  // Runs `body` in a write transaction and commits; rolls back on any error.
  // Transient failures rerun the whole body (at most kMaxAttempts times), so
  // the body must compute everything it writes from what it reads inside.
  template <class Body>
  auto write(Body&& body) -> decltype(body()) {
    for (int attempt = 1;; ++attempt) {
      try {
        execute(dialect_.beginWrite());
        if constexpr (std::is_void_v<decltype(body())>) {
          body();
          execute(QStringLiteral("COMMIT"));
          return;
        } else {
          auto result = body();
          execute(QStringLiteral("COMMIT"));
          return result;
        }
      } catch (const RegistryBusyError& e) {
        rollbackQuietly();
        if (attempt >= kMaxAttempts) throwBusy(e, attempt);
        pauseBeforeRetry(attempt);
      } catch (...) {
        rollbackQuietly();
        throw;
      }
    }
  }

  // Runs `body` inside one read snapshot.
  template <class Body>
  auto read(Body&& body) -> decltype(body()) {
    execute(dialect_.beginRead());
    try {
      if constexpr (std::is_void_v<decltype(body())>) {
        body();
        execute(QStringLiteral("COMMIT"));
      } else {
        auto result = body();
        execute(QStringLiteral("COMMIT"));
        return result;
      }
    } catch (...) {
      rollbackQuietly();
      throw;
    }
  }

  static constexpr int kMaxAttempts = 12;

 private:
  void open();
  void applySessionSetup();
  [[noreturn]] void fail(const QSqlError& error, const QString& sql) const;
  [[noreturn]] void throwBusy(const RegistryBusyError& last, int attempts) const;
  void rollbackQuietly() noexcept;
  static void pauseBeforeRetry(int attempt);

  RegistryUri uri_;
  SqlDialect dialect_;
  QString name_;
  QSqlDatabase db_;
};

// Bind helpers: SQL NULL of the right type, and std::string as text.
QVariant nullText();
QVariant nullInt();
QVariant text(const std::string& s);

}  // namespace foresight::registry
