// Database URIs of data sources: parsing, and the password never shown.
#include <QtTest/QtTest>

#include "../engine/data/DataFixtures.h"
#include "pipeline/DatabaseUri.h"

using foresight::pipeline::DatabaseUri;
using foresight::test::errorOf;
using foresight::test::mentions;

class DatabaseUriTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void parsesSqlite() {
    const auto u = DatabaseUri::parse("sqlite:///tmp/my%20data.db");
    QCOMPARE(u.backend(), DatabaseUri::Backend::Sqlite);
    QCOMPARE(u.path(), std::string("/tmp/my data.db"));
    QCOMPARE(u.redacted(), std::string("sqlite:///tmp/my data.db"));
  }

  void parsesPostgresAndHidesThePassword() {
    const auto u = DatabaseUri::parse("postgresql://ana:p%40ss@db.example.com:6543/sales");
    QCOMPARE(u.backend(), DatabaseUri::Backend::Postgres);
    QCOMPARE(u.user(), std::string("ana"));
    QCOMPARE(u.password(), std::string("p@ss"));
    QCOMPARE(u.host(), std::string("db.example.com"));
    QCOMPARE(u.port(), 6543);
    QCOMPARE(u.database(), std::string("sales"));
    QCOMPARE(u.redacted(), std::string("postgresql://ana:***@db.example.com:6543/sales"));
    QCOMPARE(u.scrub("password p@ss rejected for p@ss"), std::string("password *** rejected for ***"));
    QCOMPARE(DatabaseUri::parse("postgres://h/db").redacted(), std::string("postgresql://h/db"));
  }

  void recognisesUris() {
    QVERIFY(DatabaseUri::looksLikeUri("sqlite:///x.db"));
    QVERIFY(DatabaseUri::looksLikeUri("postgresql://h/db"));
    QVERIFY(!DatabaseUri::looksLikeUri("/data/sales.csv"));
    QVERIFY(!DatabaseUri::looksLikeUri("../shared/data/adventureworks"));
  }

  void malformedUrisAreInputErrorsWithoutThePassword() {
    const std::string port = errorOf([] { DatabaseUri::parse("postgresql://u:secret@h:99999/db"); });
    QVERIFY2(mentions(port, {"input: ", "port '99999'", "u:***@"}), port.c_str());
    QVERIFY(port.find("secret") == std::string::npos);
    QVERIFY(mentions(errorOf([] { DatabaseUri::parse("postgresql://u@h"); }), {"names no database"}));
    QVERIFY(mentions(errorOf([] { DatabaseUri::parse("postgresql:///db"); }), {"names no host"}));
    QVERIFY(mentions(errorOf([] { DatabaseUri::parse("sqlite://relative.db"); }), {"absolute path"}));
    QVERIFY(mentions(errorOf([] { DatabaseUri::parse("mysql://h/db"); }), {"unknown database URI scheme"}));
  }
};

QTEST_GUILESS_MAIN(DatabaseUriTest)
#include "DatabaseUriTest.moc"
