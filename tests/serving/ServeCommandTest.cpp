// `foresight serve` as a process: it prints where it listens, answers, writes
// an access log without the key, stops gracefully on a real SIGTERM with exit
// 0, and refuses to start on a missing registry file or key file.
#include <QProcess>
#include <QRegularExpression>
#include <QtTest/QtTest>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <vector>

#include "HttpTestClient.h"
#include "ServingTestSupport.h"
#include "TestSupport.h"

using namespace foresight;

namespace {

QString cli() { return QStringLiteral(FORESIGHT_CLI); }

}  // namespace

class ServeCommandTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void servesAndStopsOnSigterm() {
    const auto fixture = test::makeServingRegistry("cli");
    std::ofstream(fixture.dir / "key") << "cli-key-0123456789ab\n";
    QProcess serve;
    serve.start(cli(), {QStringLiteral("serve"), QStringLiteral("--registry"),
                        QString::fromStdString("sqlite://" + (fixture.registryDir / "registry.db").string()),
                        QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--api-key-file"),
                        QString::fromStdString((fixture.dir / "key").string())});
    QVERIFY(serve.waitForStarted(10000));
    // The port is announced on stderr once listening.
    QByteArray err;
    quint16 port = 0;
    const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    for (int i = 0; i < 200 && port == 0 && serve.state() == QProcess::Running; ++i) {
      serve.waitForReadyRead(100);
      err += serve.readAllStandardError();
      const auto m = listening.match(QString::fromUtf8(err));
      if (m.hasMatch()) port = static_cast<quint16>(m.captured(1).toUInt());
    }
    QVERIFY2(port != 0, err.constData());
    QVERIFY(err.contains("API key required"));

    const auto r = test::HttpTestClient::get(port, "/v1/models/sales/forecast?horizon=2&api_key=cli-key-0123456789ab");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[0]["model_version"], 1);

    ::kill(static_cast<pid_t>(serve.processId()), SIGTERM);
    QVERIFY(serve.waitForFinished(30000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    err += serve.readAllStandardError();
    QVERIFY(err.contains("GET /v1/models/sales/forecast?horizon=2&api_key=*** 200 "));
    QVERIFY(!err.contains("cli-key-0123456789ab"));
    QVERIFY(err.contains("foresight serve: stopped"));
  }

  void refusesAMissingRegistryFile() {
    const auto dir = test::makeTempDir("cli-missing");
    QProcess serve;
    serve.start(cli(), {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--registry"),
                        QString::fromStdString("sqlite://" + (dir / "absent.db").string())});
    QVERIFY(serve.waitForFinished(30000));
    QVERIFY(serve.exitCode() != 0);
    QVERIFY(serve.readAllStandardError().contains("does not exist"));
    QVERIFY(!std::filesystem::exists(dir / "absent.db"));  // serve never creates a registry
  }

  void refusesAnUnreadableKeyFile() {
    const auto fixture = test::makeServingRegistry("cli-key");
    QProcess serve;
    serve.start(cli(), {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--registry"),
                        QString::fromStdString("sqlite://" + (fixture.registryDir / "registry.db").string()),
                        QStringLiteral("--api-key-file"), QString::fromStdString((fixture.dir / "nokey").string())});
    QVERIFY(serve.waitForFinished(30000));
    QCOMPARE(serve.exitCode(), 2);
    QVERIFY(serve.readAllStandardError().contains("nokey"));
  }

  // A key that was meant but is empty, too short or a folder must not start
  // an open service: exit 2 naming where the key came from.
  void refusesEmptyOrShortKeys() {
    const auto fixture = test::makeServingRegistry("cli-badkey");
    std::filesystem::create_directory(fixture.dir / "keydir");
    std::ofstream(fixture.dir / "empty") << "";
    const QString registry = QString::fromStdString("sqlite://" + (fixture.registryDir / "registry.db").string());
    struct Case {
      QString env;        // FORESIGHT_API_KEY (null: unset)
      std::string file;   // --api-key-file under fixture.dir ("": none)
      QByteArray source;  // named in the message
    };
    const std::vector<Case> cases = {{QStringLiteral(""), "", "FORESIGHT_API_KEY"},
                                     {QStringLiteral("short"), "", "FORESIGHT_API_KEY"},
                                     {QString(), "empty", "empty"},
                                     {QString(), "keydir", "keydir"}};
    for (const Case& c : cases) {
      QProcess serve;
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      env.remove(QStringLiteral("FORESIGHT_API_KEY"));
      if (!c.env.isNull()) env.insert(QStringLiteral("FORESIGHT_API_KEY"), c.env);
      serve.setProcessEnvironment(env);
      QStringList args = {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                          QStringLiteral("--registry"), registry};
      if (!c.file.empty()) args << QStringLiteral("--api-key-file") << QString::fromStdString((fixture.dir / c.file).string());
      serve.start(cli(), args);
      QVERIFY(serve.waitForFinished(30000));
      const QByteArray err = serve.readAllStandardError();
      QVERIFY2(serve.exitCode() == 2 && err.contains(c.source), err.constData());
    }
  }
};

QTEST_GUILESS_MAIN(ServeCommandTest)
#include "ServeCommandTest.moc"
