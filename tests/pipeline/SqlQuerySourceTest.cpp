// SQL query sources: an SQLite file made here with QtSql, and the
// PostgreSQL cluster the test runner provides in FORESIGHT_TEST_PG_URI.
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest/QtTest>
#include <unistd.h>  // getpid

#include "../engine/data/DataFixtures.h"
#include "engine/data/SeriesBuilder.h"
#include "pipeline/DatabaseUri.h"
#include "pipeline/SourceLoader.h"
#include "pipeline/SqlQuerySource.h"

using namespace foresight;
using pipeline::SourceLoader;
using pipeline::SourceRequest;
using test::errorOf;
using test::mentions;

namespace {

// Runs statements on a database through a connection of its own.
bool execAll(const QString& driver, const pipeline::DatabaseUri& uri, const QStringList& statements, QString& error) {
  bool ok = true;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, QStringLiteral("fixture"));
    if (driver == QStringLiteral("QSQLITE")) {
      db.setDatabaseName(QString::fromStdString(uri.path()));
    } else {
      db.setHostName(QString::fromStdString(uri.host()));
      if (uri.port()) db.setPort(uri.port());
      db.setUserName(QString::fromStdString(uri.user()));
      db.setPassword(QString::fromStdString(uri.password()));
      db.setDatabaseName(QString::fromStdString(uri.database()));
    }
    ok = db.open();
    if (!ok) error = db.lastError().text();
    for (const auto& s : statements) {
      if (!ok) break;
      QSqlQuery q(db);
      ok = q.exec(s);
      if (!ok) error = q.lastError().text() + QStringLiteral(" in ") + s;
    }
  }
  QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
  return ok;
}

SourceRequest request(const std::string& uri, const std::string& query) {
  SourceRequest r;
  r.source = uri;
  r.query = query;
  return r;
}

bool noDataConnectionsLeft() {
  for (const auto& name : QSqlDatabase::connectionNames())
    if (name.startsWith(QStringLiteral("foresight-data-"))) return false;
  return true;
}

}  // namespace

class SqlQuerySourceTest : public QObject {
  Q_OBJECT
  std::string sqliteUri_;

 private Q_SLOTS:
  void initTestCase() {
    const auto path = test::makeTempDir("sql") / "sales.db";
    sqliteUri_ = "sqlite://" + path.string();
    QString error;
    QVERIFY2(execAll(QStringLiteral("QSQLITE"), pipeline::DatabaseUri::parse(sqliteUri_),
                     {QStringLiteral("CREATE TABLE sales (day TEXT, region TEXT, amount REAL, units INTEGER)"),
                      QStringLiteral("INSERT INTO sales VALUES ('2021-03-01','north',0.1,1),('2021-03-01','north',0.2,2),"
                                     "('2021-03-03','south',12345678.91,3),('2021-03-02','south',NULL,4)")},
                     error),
             qPrintable(error));
  }

  void sqliteQueryBecomesSeries() {
    auto r = request(sqliteUri_, "SELECT day, region, amount FROM sales");
    r.columns.seriesColumn = "region";
    const LoadedData d = SourceLoader::loadOne(r);
    QCOMPARE(d.kind, std::string("sql"));
    QCOMPARE(d.source, sqliteUri_);
    SeriesRequest s;
    s.groupBy = Dimension::Series;
    const Panel p = SeriesBuilder::build(d, s);
    QCOMPARE(p.series.size(), std::size_t{2});
    QCOMPARE(p.find("north")->values[0], 0.3);  // REAL 0.1 + 0.2 summed as decimals
    QCOMPARE(p.find("south")->values[2], 12345678.91);
    QVERIFY(d.findings.find("missing_value"));  // the NULL amount
    QVERIFY(noDataConnectionsLeft());
  }

  void syntaxErrorNamesTheDatabaseAndTheQuery() {
    const std::string m = errorOf([&] { SourceLoader::loadOne(request(sqliteUri_, "SELEC day FROM sales")); });
    QVERIFY2(mentions(m, {"input: ", sqliteUri_, "query", "SELEC day", "the query failed"}), m.c_str());
    QVERIFY(noDataConnectionsLeft());
  }

  void queryWithoutADateColumnIsAnError() {
    const std::string m = errorOf([&] { SourceLoader::loadOne(request(sqliteUri_, "SELECT region, amount FROM sales")); });
    QVERIFY2(mentions(m, {"input: ", sqliteUri_ + " (query result)", "no date column", "region, amount"}), m.c_str());
  }

  void badValueNamesTheResultRow() {
    auto r = request(sqliteUri_, "SELECT day, CASE WHEN units = 2 THEN 'x' ELSE amount END AS v FROM sales ORDER BY units");
    r.columns.valueColumn = "v";
    const LoadedData d = SourceLoader::loadOne(r);
    const Finding* f = d.findings.find("non_numeric");
    QVERIFY(f);
    QVERIFY2(mentions(f->examples[0].describe(), {sqliteUri_ + " (query result):2", "'x'"}), f->examples[0].describe().c_str());
  }

  void emptyResultIsAnError() {
    const std::string m = errorOf([&] { SourceLoader::loadOne(request(sqliteUri_, "SELECT day, amount FROM sales WHERE 0")); });
    QVERIFY2(mentions(m, {"input: ", "no data rows"}), m.c_str());
  }

  void theDatabaseIsOpenedReadOnly() {
    const std::string m = errorOf([&] { SourceLoader::loadOne(request(sqliteUri_, "DELETE FROM sales")); });
    QVERIFY2(mentions(m, {"input: ", "the query failed"}), m.c_str());
    QCOMPARE(SourceLoader::loadOne(request(sqliteUri_, "SELECT day, amount FROM sales")).rowsRead, std::size_t{4});
  }

  void missingSqliteFileIsNotCreated() {
    const auto path = test::makeTempDir("sql-missing") / "nothing.db";
    const std::string m = errorOf([&] { SourceLoader::loadOne(request("sqlite://" + path.string(), "SELECT 1")); });
    QVERIFY2(mentions(m, {"input: ", path.string(), "no such database file"}), m.c_str());
    QVERIFY(!std::filesystem::exists(path));
  }

  void queryAndSourceMustMatch() {
    QVERIFY(mentions(errorOf([&] { SourceLoader::loadOne(request(sqliteUri_, "")); }), {"usage: ", "needs --query"}));
    const auto csv = test::makeTempDir("sql-file") / "x.csv";
    test::writeText(csv, "date,value\n2020-01-01,1\n");
    QVERIFY(mentions(errorOf([&] { SourceLoader::loadOne(request(csv.string(), "SELECT 1")); }),
                     {"usage: ", "--query only applies"}));
  }

  void postgresQueryKeepsNumericExact() {
    const QByteArray env = qgetenv("FORESIGHT_TEST_PG_URI");
    if (env.isEmpty())
      QFAIL("FORESIGHT_TEST_PG_URI is not set: the test runner (scripts/test.sh) starts a PostgreSQL cluster and "
            "exports it; to run by hand: scripts/pg-test-cluster.sh start /tmp/pg 54331");
    const std::string uri = env.toStdString();
    const QString table = QStringLiteral("foresight_data_test_%1").arg(getpid());
    QString error;
    QVERIFY2(execAll(QStringLiteral("QPSQL"), pipeline::DatabaseUri::parse(uri),
                     {QStringLiteral("DROP TABLE IF EXISTS %1").arg(table),
                      QStringLiteral("CREATE TABLE %1 (order_date date, territory text, total_due numeric(19,4))").arg(table),
                      QStringLiteral("INSERT INTO %1 VALUES ('2022-04-15','west',222.1492),('2022-04-15','west',300.6721),"
                                     "('2022-04-17','east',9776.2665),('2022-04-17','west',0.0001)")
                          .arg(table)},
                     error),
             qPrintable(error));
    auto r = request(uri, "SELECT order_date, territory, total_due FROM " + table.toStdString());
    r.columns.seriesColumn = "territory";
    const LoadedData d = SourceLoader::loadOne(r);
    SeriesRequest s;
    const TimeSeries total = SeriesBuilder::build(d, s).series.front();
    QCOMPARE(total.name, std::string("total_due"));
    QCOMPARE(total.start.toIso(), std::string("2022-04-15"));
    QCOMPARE(total.size(), Eigen::Index{3});
    QCOMPARE(total.values[0], 522.8213);
    QCOMPARE(total.values[2], 9776.2666);
    s.groupBy = Dimension::Series;
    QCOMPARE(SeriesBuilder::build(d, s).series.size(), std::size_t{2});
    const std::string bad = errorOf([&] { SourceLoader::loadOne(request(uri, "SELECT nope FROM " + table.toStdString())); });
    QVERIFY2(mentions(bad, {"input: ", "the query failed", "nope"}), bad.c_str());
    execAll(QStringLiteral("QPSQL"), pipeline::DatabaseUri::parse(uri), {QStringLiteral("DROP TABLE %1").arg(table)}, error);
    QVERIFY(noDataConnectionsLeft());
  }

  void unreachablePostgresIsAnErrorWithoutThePassword() {
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    const std::string m = errorOf([] {
      SourceLoader::loadOne(request("postgresql://foresight:Sup3rSecret@127.0.0.1:1/nodb", "SELECT 1"));
    });
    QVERIFY2(mentions(m, {"input: ", "postgresql://foresight:***@127.0.0.1:1/nodb", "cannot open the database"}), m.c_str());
    QVERIFY2(m.find("Sup3rSecret") == std::string::npos, m.c_str());
    QVERIFY(noDataConnectionsLeft());
  }
};

QTEST_GUILESS_MAIN(SqlQuerySourceTest)
#include "SqlQuerySourceTest.moc"
