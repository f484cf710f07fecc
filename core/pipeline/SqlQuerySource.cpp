#include "pipeline/SqlQuerySource.h"

#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <atomic>
#include <charconv>  // std::to_chars
#include <optional>

#include "engine/common/Errors.h"

namespace foresight::pipeline {

namespace {

QString uniqueConnectionName() {
  static std::atomic<unsigned long long> counter{0};
  return QStringLiteral("foresight-data-%1").arg(counter.fetch_add(1));
}

std::string cellText(const QVariant& v) {
  if (v.isNull()) return {};
  switch (v.metaType().id()) {
    case QMetaType::QDate: return v.toDate().toString(Qt::ISODate).toStdString();
    case QMetaType::QDateTime: return v.toDateTime().toString(Qt::ISODate).toStdString();
    case QMetaType::Double:
    case QMetaType::Float: {
      // Shortest text that reads back to the same double (QString::number would round to 6 digits).
      char buf[64];
      const auto r = std::to_chars(buf, buf + sizeof buf, v.toDouble());
      return std::string(buf, r.ptr);
    }
    default: return v.toString().toStdString();
  }
}

// Driver messages span lines ("...failed\n\tIs the server running...");
// error messages stay on one line.
std::string oneLine(const QString& text) {
  return text.simplified().toStdString();
}

class Session {
 public:
  Session(const DatabaseUri& uri, const QString& name) : uri_(uri) {
    const QString driver = uri.backend() == DatabaseUri::Backend::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
      throw InputError(InputLocation{uri.redacted(), 0, "", ""},
                       "the Qt SQL driver " + driver.toStdString() + " is not installed");
    db_ = QSqlDatabase::addDatabase(driver, name);
    if (uri.backend() == DatabaseUri::Backend::Sqlite) {
      // Opening a missing SQLite file would create an empty database.
      if (!QFileInfo(QString::fromStdString(uri.path())).isFile())
        throw InputError(InputLocation{uri.redacted(), 0, "", ""}, "no such database file");
      db_.setDatabaseName(QString::fromStdString(uri.path()));
      db_.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    } else {
      db_.setHostName(QString::fromStdString(uri.host()));
      if (uri.port() != 0) db_.setPort(uri.port());
      db_.setUserName(QString::fromStdString(uri.user()));
      db_.setPassword(QString::fromStdString(uri.password()));
      db_.setDatabaseName(QString::fromStdString(uri.database()));
      db_.setConnectOptions(QStringLiteral("connect_timeout=10"));
    }
    if (!db_.open())
      throw InputError(InputLocation{uri.redacted(), 0, "", ""},
                       "cannot open the database: " + uri.scrub(oneLine(db_.lastError().text())));
  }
  ~Session() { db_.close(); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  RawTable run(const std::string& sql, const CancellationToken* cancel) {
    RawTable t;
    t.source = uri_.redacted() + " (query result)";
    const InputLocation at{uri_.redacted(), 0, "query", sql};
    QSqlQuery q(db_);
    q.setForwardOnly(true);
    q.setNumericalPrecisionPolicy(QSql::HighPrecision);  // numeric(12,4) stays exact text
    if (!q.exec(QString::fromStdString(sql)))
      throw InputError(at, "the query failed: " + uri_.scrub(oneLine(q.lastError().text())));
    if (!q.isSelect()) throw InputError(at, "the query returns no rows (is it a SELECT?)");
    const QSqlRecord rec = q.record();
    for (int i = 0; i < rec.count(); ++i) t.header.push_back(rec.fieldName(i).toStdString());
    t.hadHeader = true;
    while (q.next()) {
      if (cancel && (t.rows.size() & 0xfff) == 0) cancel->throwIfCancelled();
      std::vector<std::string> row;
      row.reserve(t.header.size());
      for (int i = 0; i < rec.count(); ++i) row.push_back(cellText(q.value(i)));
      t.rows.push_back(std::move(row));
      t.lineNumbers.push_back(t.rows.size());
    }
    if (q.lastError().isValid())
      throw InputError(at, "reading the result failed: " + uri_.scrub(oneLine(q.lastError().text())));
    return t;
  }

 private:
  const DatabaseUri& uri_;
  QSqlDatabase db_;
};

}  // namespace

RawTable SqlQuerySource::run(const DatabaseUri& uri, const std::string& query, const CancellationToken* cancel) {
  if (query.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError(InputLocation{uri.redacted(), 0, "query", ""}, "the query is empty; give one with --query");
  const QString name = uniqueConnectionName();
  RawTable result;
  {
    // The session (and its QSqlDatabase) must be gone before removeDatabase().
    std::optional<Session> session;
    try {
      session.emplace(uri, name);
      result = session->run(query, cancel);
    } catch (...) {
      session.reset();
      QSqlDatabase::removeDatabase(name);
      throw;
    }
  }
  QSqlDatabase::removeDatabase(name);
  return result;
}

}  // namespace foresight::pipeline
