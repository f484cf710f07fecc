// `foresight data sample` end to end: the real binary, its output, its exit
// codes and messages, and that it writes exactly what the engine writes.
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

#include "TestSupport.h"
#include "engine/sample/SampleDataGenerator.h"

namespace fs = std::filesystem;

namespace {
struct Run {
  int exitCode = -1;
  QString out, err;
};

Run foresightCli(const QStringList& args) {
  QProcess p;
  p.start(QStringLiteral(FORESIGHT_CLI_BINARY), args);
  Run r;
  if (!p.waitForFinished(60000)) {
    p.kill();
    p.waitForFinished();
    r.err = QStringLiteral("timed out");
    return r;
  }
  r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

QString path(const fs::path& p) {
  return QString::fromStdString(p.string());
}

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

class DataSampleCommandTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void writesTheSampleAndSaysWhat() {
    const auto dir = foresight::test::makeTempDir("cli-sample") / "aw";
    const Run r =
        foresightCli({QStringLiteral("data"), QStringLiteral("sample"), QStringLiteral("--out"),
                      path(dir), QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("AdventureWorks_Sales_2016.csv")));
    QVERIFY(r.out.contains(QStringLiteral("2015-01-01 .. 2017-06-30")));
    QVERIFY(r.out.contains(QStringLiteral("level shift on 2016-07-01")));
    QVERIFY(r.out.contains(QStringLiteral("seed 7")));
    // The CLI passes its options through unchanged: same files as the engine.
    const auto engineDir = foresight::test::makeTempDir("cli-sample-engine");
    foresight::SampleDataOptions o;
    o.seed = 7;
    foresight::SampleDataGenerator::write(engineDir, o);
    for (const auto& e : fs::directory_iterator(engineDir)) {
      const auto name = e.path().filename();
      QVERIFY2(bytes(dir / name) == bytes(e.path()), qPrintable(path(name)));
    }
  }

  void printsJsonWhenAsked() {
    const auto dir = foresight::test::makeTempDir("cli-sample-json");
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("sample"),
                                QStringLiteral("--out"), path(dir), QStringLiteral("--seed"),
                                QStringLiteral("7"), QStringLiteral("--from"),
                                QStringLiteral("2016-06-01"), QStringLiteral("--to"),
                                QStringLiteral("2016-12-31"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
    const auto o = doc.object();
    QCOMPARE(o.value(QStringLiteral("seed")).toInteger(), 7);
    QCOMPARE(o.value(QStringLiteral("start")).toString(), QStringLiteral("2016-06-01"));
    QCOMPARE(o.value(QStringLiteral("days")).toInt(), 214);
    QCOMPARE(o.value(QStringLiteral("level_shift_date")).toString(), QStringLiteral("2016-07-01"));
    const auto noOrders = o.value(QStringLiteral("no_order_dates")).toArray();
    QCOMPARE(noOrders.size(), 1);
    QCOMPARE(noOrders.at(0).toString(), QStringLiteral("2016-12-25"));
    const auto files = o.value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 7);  // one Sales file (2016) and the six tables
    qint64 salesRows = 0;
    for (const auto& f : files) {
      const auto name = f.toObject().value(QStringLiteral("name")).toString();
      QVERIFY(fs::exists(dir / name.toStdString()));
      if (name.startsWith(QStringLiteral("AdventureWorks_Sales_")))
        salesRows += f.toObject().value(QStringLiteral("rows")).toInteger();
    }
    QCOMPARE(salesRows, o.value(QStringLiteral("order_lines")).toInteger());
    QVERIFY(salesRows > 1000);
  }

  void rerunsIntoItsOwnFolder() {
    const auto dir = foresight::test::makeTempDir("cli-sample-rerun");
    const QStringList args = {QStringLiteral("data"), QStringLiteral("sample"),
                              QStringLiteral("--out"), path(dir)};
    QCOMPARE(foresightCli(args).exitCode, 0);
    const Run again = foresightCli(args);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
  }

  void refusesSomeoneElsesFolderUnlessForced() {
    const auto dir = foresight::test::makeTempDir("cli-sample-foreign");
    std::ofstream(dir / "notes.txt") << "mine";
    QStringList args = {QStringLiteral("data"), QStringLiteral("sample"), QStringLiteral("--out"),
                        path(dir)};
    const Run r = foresightCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(path(dir)));
    QVERIFY(r.err.contains(QStringLiteral("--force")));
    QVERIFY(r.out.isEmpty());
    args << QStringLiteral("--force");
    QCOMPARE(foresightCli(args).exitCode, 0);
    QCOMPARE(bytes(dir / "notes.txt"), std::string("mine"));
  }

  void rejectsBadArgumentsWithExitCode2() {
    const auto base = foresight::test::makeTempDir("cli-sample-bad");
    std::ofstream(base / "plain") << "x";
    const QString out = path(base / "new");
    const struct {
      QStringList args;
      QString mentions;
    } cases[] = {
        {{}, QStringLiteral("--out")},
        {{QStringLiteral("--out"), out, QStringLiteral("--seed"), QStringLiteral("abc")},
         QStringLiteral("--seed")},
        {{QStringLiteral("--out"), out, QStringLiteral("--seed"), QStringLiteral("-1")},
         QStringLiteral("--seed")},
        {{QStringLiteral("--out"), out, QStringLiteral("--from"), QStringLiteral("2016-02-30")},
         QStringLiteral("--from")},
        {{QStringLiteral("--out"), out, QStringLiteral("--from"), QStringLiteral("2017-01-01"),
          QStringLiteral("--to"), QStringLiteral("2016-01-01")},
         QStringLiteral("--to")},
        {{QStringLiteral("--out"), path(base / "plain" / "sub")}, path(base / "plain" / "sub")},
        {{QStringLiteral("--out"), path(base / "plain")}, QStringLiteral("not a folder")},
        {{QStringLiteral("--out"), out, QStringLiteral("--colour")}, QStringLiteral("--colour")},
    };
    for (const auto& c : cases) {
      const Run r =
          foresightCli(QStringList{QStringLiteral("data"), QStringLiteral("sample")} + c.args);
      QVERIFY2(r.exitCode == 2,
               qPrintable(c.args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") + r.err));
      QVERIFY2(r.err.contains(c.mentions), qPrintable(r.err));
    }
    QVERIFY(!fs::exists(base / "new"));  // no bad request wrote anything
  }
};

QTEST_GUILESS_MAIN(DataSampleCommandTest)
#include "DataSampleCommandTest.moc"
