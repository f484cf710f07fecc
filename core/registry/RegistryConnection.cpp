#include "registry/RegistryConnection.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QThread>
#include <atomic>

namespace foresight::registry {

namespace {
QString uniqueConnectionName() {
  static std::atomic<unsigned long long> counter{0};
  return QStringLiteral("foresight-registry-%1-%2")
      .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()))
      .arg(counter.fetch_add(1));
}
}  // namespace

QVariant nullText() { return QVariant(QMetaType::fromType<QString>()); }
QVariant nullInt() { return QVariant(QMetaType::fromType<qlonglong>()); }
QVariant text(const std::string& s) { return QString::fromStdString(s); }

RegistryConnection::RegistryConnection(RegistryUri uri)
    : uri_(std::move(uri)), dialect_(uri_.backend()), name_(uniqueConnectionName()) {
  try {
    open();
    applySessionSetup();
  } catch (...) {
    db_.close();
    db_ = QSqlDatabase();
    QSqlDatabase::removeDatabase(name_);
    throw;
  }
}

RegistryConnection::~RegistryConnection() {
  db_.close();
  db_ = QSqlDatabase();  // no handle may outlive removeDatabase()
  QSqlDatabase::removeDatabase(name_);
}

void RegistryConnection::open() {
  const std::string shown = uri_.redacted();
  if (!QSqlDatabase::isDriverAvailable(dialect_.driverName()))
    throw RegistryError("registry " + shown + ": the Qt SQL driver " +
                        dialect_.driverName().toStdString() +
                        " is not installed (Debian: libqt6sql6-sqlite / libqt6sql6-psql)");
  db_ = QSqlDatabase::addDatabase(dialect_.driverName(), name_);
  if (uri_.isSqlite()) {
    const QFileInfo file(QString::fromStdString(uri_.path()));
    // Only the default location is created on first use; a mistyped folder
    // in an explicit URI is the user's to fix.
    if (uri_.isDefaultLocation()) QDir().mkpath(file.absolutePath());
    if (!file.absoluteDir().exists())
      throw InputError(InputLocation{uri_.path(), 0, "", ""},
                       "registry " + shown + ": the folder " +
                           file.absolutePath().toStdString() + " does not exist");
    db_.setDatabaseName(file.absoluteFilePath());
    db_.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
  } else {
    db_.setHostName(QString::fromStdString(uri_.host()));
    if (uri_.port() != 0) db_.setPort(uri_.port());
    db_.setUserName(QString::fromStdString(uri_.user()));
    // Empty: libpq falls back to PGPASSWORD and ~/.pgpass by itself.
    db_.setPassword(QString::fromStdString(uri_.password()));
    db_.setDatabaseName(QString::fromStdString(uri_.database()));
    QStringList options{QStringLiteral("connect_timeout=10"),
                        QStringLiteral("application_name=foresight")};
    for (const auto& [k, v] : uri_.options())
      options << QString::fromStdString(k + "=" + v);
    options.removeDuplicates();
    db_.setConnectOptions(options.join(QLatin1Char(';')));
  }
  if (!db_.open())
    throw RegistryError("cannot open registry " + shown + ": " +
                        uri_.scrub(db_.lastError().text().simplified().toStdString()));
}

void RegistryConnection::applySessionSetup() {
  for (const QString& s : dialect_.sessionSetup(QString::fromStdString(uri_.schema()))) execute(s);
  if (!uri_.isSqlite()) return;
  // WAL lets readers work while one process writes. The mode is stored in the
  // file, so it is switched once; the switch itself needs the write lock.
  QSqlQuery mode = run(QStringLiteral("PRAGMA journal_mode"));
  const bool wal = mode.next() && mode.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) == 0;
  mode.finish();
  for (int attempt = 1; !wal; ++attempt) {
    try {
      execute(QStringLiteral("PRAGMA journal_mode = WAL"));
      break;
    } catch (const RegistryBusyError& e) {
      if (attempt >= kMaxAttempts) throwBusy(e, attempt);
      pauseBeforeRetry(attempt);
    }
  }
}

QSqlQuery RegistryConnection::run(const QString& sql, const QVariantList& values) const {
  QSqlQuery q(db_);
  q.setForwardOnly(true);
  if (!q.prepare(sql)) fail(q.lastError(), sql);
  for (const QVariant& v : values) q.addBindValue(v);
  if (!q.exec()) fail(q.lastError(), sql);
  return q;
}

void RegistryConnection::execute(const QString& sql) const {
  QSqlQuery q(db_);
  if (!q.exec(sql)) fail(q.lastError(), sql);
}

bool RegistryConnection::tableExists(const QString& table) const {
  QSqlQuery q = run(dialect_.tableExistsQuery(), {table});
  return q.next();
}

void RegistryConnection::fail(const QSqlError& error, const QString& sql) const {
  const std::string what = "registry " + uri_.redacted() + ": " +
                           uri_.scrub(error.text().simplified().toStdString()) + " [in: " +
                           sql.simplified().left(80).toStdString() + "]";
  if (dialect_.isTransient(error)) throw RegistryBusyError(what);
  throw RegistryError(what);
}

void RegistryConnection::throwBusy(const RegistryBusyError& last, int attempts) const {
  throw RegistryError("registry " + uri_.redacted() + ": still busy after " +
                      std::to_string(attempts) + " attempts (" + last.what() + ")");
}

void RegistryConnection::rollbackQuietly() noexcept {
  QSqlQuery q(db_);
  q.exec(QStringLiteral("ROLLBACK"));  // fails harmlessly when nothing is open
}

void RegistryConnection::pauseBeforeRetry(int attempt) {
  // Jittered exponential backoff so that retrying writers do not collide again.
  const int cap = std::min(1000, 10 << std::min(attempt, 6));
  QThread::msleep(static_cast<unsigned long>(QRandomGenerator::global()->bounded(cap / 2, cap)));
}

}  // namespace foresight::registry
