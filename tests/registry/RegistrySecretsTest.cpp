// Passwords in PostgreSQL registry URIs never reach messages, --json output
// or the stored lineage. Needs $FORESIGHT_TEST_PG_URI (fails without it).
#include <QtTest/QtTest>
#include <memory>

#include "RegistryTestSupport.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryErrors.h"

using foresight::test::Backend;
using foresight::test::CliRun;
using foresight::test::TestRegistry;
using namespace foresight::registry;

namespace {
const QString kSecret = QStringLiteral("Zq7-Sup3rSecret");

// The test cluster's URI with `user` and the secret as password.
std::string uriWithPassword(const std::string& user, const std::string& base) {
  const auto at = base.find('@');
  const auto scheme = base.find("://") + 3;
  const std::string hostPart = at == std::string::npos ? base.substr(scheme) : base.substr(at + 1);
  return base.substr(0, scheme) + user + ":" + kSecret.toStdString() + "@" + hostPart;
}
}  // namespace

class RegistrySecretsTest : public QObject {
  Q_OBJECT
  std::string base_;

 private Q_SLOTS:
  void initTestCase() {
    FORESIGHT_REQUIRE_BACKEND(Backend::Postgres);
    base_ = qgetenv("FORESIGHT_TEST_PG_URI").toStdString();
  }

  void connectionErrorsDoNotShowThePassword() {
    for (const std::string& uri : {uriWithPassword("no_such_role", base_),
                                   "postgresql://foresight:" + kSecret.toStdString() + "@127.0.0.1:1/foresight_test"}) {
      try {
        ModelRegistry reg(RegistryUri::parse(uri));
        QFAIL("connected with a bad URI");
      } catch (const RegistryError& e) {
        const QString msg = QString::fromUtf8(e.what());
        QVERIFY2(!msg.contains(kSecret), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral(":***@")), qPrintable(msg));
      }
    }
  }

  void cliOutputDoesNotShowThePassword() {
    const QString uri = QString::fromStdString(uriWithPassword("no_such_role", base_));
    for (const QString& command : {QStringLiteral("list"), QStringLiteral("init")}) {
      const CliRun r = foresight::test::runCli({QStringLiteral("registry"), command, QStringLiteral("--json"),
                                                QStringLiteral("--registry"), uri});
      QCOMPARE(r.exitCode, 1);
      QVERIFY2(!r.err.contains(kSecret) && !r.out.contains(kSecret), qPrintable(r.err + r.out));
      QVERIFY2(r.err.contains(QStringLiteral("no_such_role")), qPrintable(r.err));
    }
    const CliRun bad = foresight::test::runCli({QStringLiteral("registry"), QStringLiteral("list"), QStringLiteral("--registry"),
                                                QStringLiteral("postgresql://u:") + kSecret + QStringLiteral("@h:port/db")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(!bad.err.contains(kSecret), qPrintable(bad.err));
  }

  void aPasswordGivenToPushIsNotStoredOrPrinted() {
    TestRegistry t(Backend::Postgres);
    // The test cluster trusts local connections, so any password is accepted.
    const std::string schemaQuery = t.uri().substr(t.uri().find('?'));
    const QString uri = QString::fromStdString(uriWithPassword("foresight", base_) + schemaQuery);
    foresight::test::writeText(t.dir() / "m.json", foresight::test::artifactJson(1));
    const QString model = QString::fromStdString((t.dir() / "m.json").string());
    CliRun r = foresight::test::runCli({QStringLiteral("registry"), QStringLiteral("push"), QStringLiteral("--name"),
                                        QStringLiteral("demand"), QStringLiteral("--model"), model,
                                        QStringLiteral("--registry"), uri, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(!r.out.contains(kSecret) && !r.err.contains(kSecret), qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral(":***@")), qPrintable(r.out));
    for (const QStringList& args : {QStringList{QStringLiteral("show"), QStringLiteral("demand"), QStringLiteral("--json")},
                                    QStringList{QStringLiteral("history"), QStringLiteral("demand")},
                                    QStringList{QStringLiteral("verify")}, QStringList{QStringLiteral("list")}}) {
      r = foresight::test::runCli(QStringList{QStringLiteral("registry")} + args + QStringList{QStringLiteral("--registry"), uri});
      QVERIFY2(r.exitCode == 0, qPrintable(r.err));
      QVERIFY2(!r.out.contains(kSecret) && !r.err.contains(kSecret), qPrintable(r.out + r.err));
    }
    const QString stored = t.queryValue(QStringLiteral("SELECT command_line FROM model_versions")).toString();
    QVERIFY2(stored.contains(QStringLiteral("--registry postgresql://foresight:***@")), qPrintable(stored));
    QVERIFY(!stored.contains(kSecret));
  }
};

QTEST_GUILESS_MAIN(RegistrySecretsTest)
#include "RegistrySecretsTest.moc"
