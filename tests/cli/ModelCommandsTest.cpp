#include <QtTest/QtTest>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/stat.h>  // mkfifo

#include "CliProcess.h"
#include "TestSupport.h"

// Runs the real `foresight` binary for models, fit and forecast.
namespace {

using foresight::test::contains;
using foresight::test::readTextFile;
using foresight::test::writeTextFile;
using Run = foresight::test::CliRun;

Run foresightRun(const QStringList& args) { return foresight::test::runForesight(args); }
QString q(const std::filesystem::path& p) { return foresight::test::qpath(p); }

// Two monthly series with a yearly pattern, plus one with no value at all.
std::string panelCsv(bool withEmptySeries) {
  std::string s = "series,date,value\n";
  for (int k = 1; k <= 2; ++k)
    for (int i = 0; i < 30; ++i) {
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02d-01", 2019 + i / 12, i % 12 + 1);
      s += (k == 1 ? "north," : "south,") + std::string(date) + "," + std::to_string(k * (100 + i % 12)) + "\n";
    }
  if (withEmptySeries) s += "west,2019-01-01,\nwest,2019-02-01,\n";
  return s;
}

}  // namespace

class ModelCommandsTest : public QObject {
  Q_OBJECT
 private:
  std::filesystem::path dir_;

 private Q_SLOTS:
  void init() { dir_ = foresight::test::makeTempDir("cli-models"); }

  void modelsListsParametersFromTheDeclarations() {
    const Run text = foresightRun({QStringLiteral("models")});
    QCOMPARE(text.code, 0);
    QVERIFY(contains(text.out, "snaive") && contains(text.out, "period (int, default auto, [1, 10000])"));
    const Run json = foresightRun({QStringLiteral("models"), QStringLiteral("--json")});
    QCOMPARE(json.code, 0);
    const auto j = nlohmann::json::parse(json.out);
    bool sawWindow = false;
    for (const auto& m : j["models"])
      for (const auto& p : m["params"])
        if (m["name"] == "moving_average" && p["name"] == "window") {
          sawWindow = true;
          QCOMPARE(p["type"].get<std::string>(), std::string("int"));
          QCOMPARE(p["default"].get<int>(), 3);
          QCOMPARE(p["min"].get<double>(), 1.0);
          QVERIFY(!p["description"].get<std::string>().empty());
        }
    QVERIFY(sawWindow);
  }

  void fitAndForecastOneSeries() {
    writeTextFile(dir_ / "one.csv", "date,value\n2020-01-06,10\n2020-01-13,12\n2020-01-20,11\n2020-01-27,15\n");
    const Run fit = foresightRun({QStringLiteral("fit"), QStringLiteral("--data"), q(dir_ / "one.csv"),
                                  QStringLiteral("--model"), QStringLiteral("naive"), QStringLiteral("--out"),
                                  q(dir_ / "m.json")});
    QVERIFY2(fit.code == 0, fit.err.c_str());
    const auto artifact = nlohmann::json::parse(readTextFile(dir_ / "m.json"));
    QCOMPARE(artifact["schema"].get<std::string>(), std::string("foresight.model/1"));
    QCOMPARE(artifact["fit"]["series"].get<std::string>(), std::string("one"));
    QCOMPARE(artifact["fit"]["freq"].get<std::string>(), std::string("W"));

    const Run fc = foresightRun({QStringLiteral("forecast"), QStringLiteral("--model"), q(dir_ / "m.json"),
                                 QStringLiteral("--horizon"), QStringLiteral("2")});
    QVERIFY2(fc.code == 0, fc.err.c_str());
    std::istringstream lines(fc.out);
    std::string header, first, second, extra;
    std::getline(lines, header);
    std::getline(lines, first);
    std::getline(lines, second);
    QCOMPARE(header, std::string("series,date,mean,lo80,hi80,lo95,hi95"));
    QVERIFY2(first.rfind("one,2020-02-03,15,", 0) == 0, first.c_str());
    QVERIFY2(second.rfind("one,2020-02-10,15,", 0) == 0, second.c_str());
    QVERIFY(!std::getline(lines, extra));

    // Newer actuals move the forecast origin without a refit.
    writeTextFile(dir_ / "newer.csv", "date,value\n2020-02-03,20\n");
    const Run updated = foresightRun({QStringLiteral("forecast"), QStringLiteral("--model"), q(dir_ / "m.json"),
                                      QStringLiteral("--horizon"), QStringLiteral("1"), QStringLiteral("--data"),
                                      q(dir_ / "newer.csv"), QStringLiteral("--format"), QStringLiteral("json"),
                                      QStringLiteral("--level"), QStringLiteral("90")});
    QVERIFY2(updated.code == 0, updated.err.c_str());
    const auto records = nlohmann::json::parse(updated.out);
    QCOMPARE(records.size(), std::size_t(1));
    QCOMPARE(records[0]["date"].get<std::string>(), std::string("2020-02-10"));
    QCOMPARE(records[0]["mean"].get<double>(), 20.0);
    QVERIFY(records[0].contains("lo90") && records[0].contains("hi90"));
  }

  void fitPanelReportsTheSeriesThatFailed() {
    writeTextFile(dir_ / "panel.csv", panelCsv(true));
    const Run fit = foresightRun({QStringLiteral("fit"), QStringLiteral("--data"), q(dir_ / "panel.csv"),
                                  QStringLiteral("--model"), QStringLiteral("snaive(period=12)"),
                                  QStringLiteral("--out"), q(dir_ / "p.json"), QStringLiteral("--threads"),
                                  QStringLiteral("2")});
    QVERIFY2(fit.code == 0, fit.err.c_str());
    QVERIFY2(contains(fit.err, "series 'west' not fitted"), fit.err.c_str());
    const auto artifact = nlohmann::json::parse(readTextFile(dir_ / "p.json"));
    QCOMPARE(artifact["panel"].size(), std::size_t(2));

    const Run fc = foresightRun({QStringLiteral("forecast"), QStringLiteral("--model"), q(dir_ / "p.json"),
                                 QStringLiteral("--horizon"), QStringLiteral("3"), QStringLiteral("--out"),
                                 q(dir_ / "fc.csv")});
    QVERIFY2(fc.code == 0, fc.err.c_str());
    QVERIFY(fc.out.empty());
    const std::string csv = readTextFile(dir_ / "fc.csv");
    QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 7l);  // header + 2 series x 3
    QVERIFY(contains(csv, "south,2021-07-01,212,"));         // one season back: 2 * (100 + 6)

    const Run one = foresightRun({QStringLiteral("fit"), QStringLiteral("--data"), q(dir_ / "panel.csv"),
                                  QStringLiteral("--model"), QStringLiteral("mean"), QStringLiteral("--series"),
                                  QStringLiteral("south"), QStringLiteral("--out"), q(dir_ / "s.json")});
    QVERIFY2(one.code == 0, one.err.c_str());
    QVERIFY(!nlohmann::json::parse(readTextFile(dir_ / "s.json")).contains("panel"));
  }

  void badInputExitsWithTwoAndNamesTheProblem_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    const QString panel = QStringLiteral("@panel");
    const QString model = QStringLiteral("@model");
    QTest::newRow("bad spec") << QStringList{QStringLiteral("fit"), QStringLiteral("--data"), panel,
                                             QStringLiteral("--model"), QStringLiteral("snaive(period=12"),
                                             QStringLiteral("--out"), QStringLiteral("@out")}
                              << QStringLiteral("missing ')' for the '(' at position 7");
    QTest::newRow("bad value") << QStringList{QStringLiteral("fit"), QStringLiteral("--data"), panel,
                                              QStringLiteral("--model"), QStringLiteral("moving_average(window=0)"),
                                              QStringLiteral("--out"), QStringLiteral("@out")}
                               << QStringLiteral("parameter 'window' = '0' is below the minimum 1");
    QTest::newRow("unknown series") << QStringList{QStringLiteral("fit"), QStringLiteral("--data"), panel,
                                                   QStringLiteral("--model"), QStringLiteral("naive"),
                                                   QStringLiteral("--series"), QStringLiteral("east"),
                                                   QStringLiteral("--out"), QStringLiteral("@out")}
                                    << QStringLiteral("panel.csv: field 'series': value 'east': no such series");
    QTest::newRow("missing data") << QStringList{QStringLiteral("fit"), QStringLiteral("--data"),
                                                 QStringLiteral("@missing"), QStringLiteral("--model"),
                                                 QStringLiteral("naive"), QStringLiteral("--out"), QStringLiteral("@out")}
                                  << QStringLiteral("missing.csv");
    QTest::newRow("newer schema") << QStringList{QStringLiteral("forecast"), QStringLiteral("--model"),
                                                 QStringLiteral("@newer"), QStringLiteral("--horizon"), QStringLiteral("2")}
                                  << QStringLiteral("newer.json: field 'panel[0].schema': value 'foresight.model/2': written by a newer");
    QTest::newRow("truncated") << QStringList{QStringLiteral("forecast"), QStringLiteral("--model"),
                                              QStringLiteral("@truncated"), QStringLiteral("--horizon"), QStringLiteral("2")}
                               << QStringLiteral("truncated.json:4: not valid JSON");
    QTest::newRow("gap in newer data") << QStringList{QStringLiteral("forecast"), QStringLiteral("--model"), model,
                                                      QStringLiteral("--horizon"), QStringLiteral("2"),
                                                      QStringLiteral("--data"), QStringLiteral("@gap")}
                                       << QStringLiteral("gap.csv: series 'north': newer data starts at 2021-09-01");
    QTest::newRow("bad level") << QStringList{QStringLiteral("forecast"), QStringLiteral("--model"), model,
                                              QStringLiteral("--horizon"), QStringLiteral("2"),
                                              QStringLiteral("--level"), QStringLiteral("80,100")}
                               << QStringLiteral("--level: '100' is not a percentage");
    QTest::newRow("bad format") << QStringList{QStringLiteral("forecast"), QStringLiteral("--model"), model,
                                               QStringLiteral("--horizon"), QStringLiteral("2"),
                                               QStringLiteral("--format"), QStringLiteral("xml")}
                                << QStringLiteral("--format: expected csv or json");
  }
  void badInputExitsWithTwoAndNamesTheProblem() {
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    writeTextFile(dir_ / "panel.csv", panelCsv(false));
    writeTextFile(dir_ / "gap.csv", "series,date,value\nnorth,2021-09-01,5\n");
    const Run fit = foresightRun({QStringLiteral("fit"), QStringLiteral("--data"), q(dir_ / "panel.csv"),
                                  QStringLiteral("--model"), QStringLiteral("naive"), QStringLiteral("--out"),
                                  q(dir_ / "model.json")});
    QVERIFY2(fit.code == 0, fit.err.c_str());
    std::string text = readTextFile(dir_ / "model.json");
    writeTextFile(dir_ / "truncated.json", text.substr(0, 40));
    text.replace(text.find("foresight.model/1"), 17, "foresight.model/2");
    writeTextFile(dir_ / "newer.json", text);
    QStringList resolved;
    for (const QString& a : args)
      resolved << (a.startsWith(QLatin1Char('@'))
                       ? q(dir_ / (a.mid(1).toStdString() +
                                   (a == QStringLiteral("@panel") || a == QStringLiteral("@gap") ||
                                            a == QStringLiteral("@missing")
                                        ? ".csv"
                                        : ".json")))
                       : a);
    const Run r = foresightRun(resolved);
    QCOMPARE(r.code, 2);
    QVERIFY2(contains(r.err, expected.toStdString()), r.err.c_str());
    QVERIFY(r.out.empty());
  }

  // Inputs are regular files: a FIFO with no writer would block a read for
  // ever and /dev/zero would fill memory; both are refused at once, exit 2,
  // naming the file. So is a model file that is a FIFO.
  void specialFilesAreRefused() {
    const std::string fifo = (dir_ / "feed.csv").string();
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    const Run fit = foresightRun({QStringLiteral("fit"), QStringLiteral("--data"), QString::fromStdString(fifo),
                                  QStringLiteral("--model"), QStringLiteral("naive"), QStringLiteral("--out"),
                                  q(dir_ / "m.json")});
    QCOMPARE(fit.code, 2);
    QVERIFY2(contains(fit.err, fifo + ": is a FIFO"), fit.err.c_str());
    const Run series = foresightRun({QStringLiteral("data"), QStringLiteral("series"), QStringLiteral("/dev/zero"),
                                     QStringLiteral("--out"), q(dir_ / "s.csv")});
    QCOMPARE(series.code, 2);
    QVERIFY2(contains(series.err, "/dev/zero: is a device"), series.err.c_str());
    const Run forecast = foresightRun({QStringLiteral("forecast"), QStringLiteral("--model"),
                                       QString::fromStdString(fifo), QStringLiteral("--horizon"), QStringLiteral("2")});
    QCOMPARE(forecast.code, 2);
    QVERIFY2(contains(forecast.err, fifo + ": is a FIFO"), forecast.err.c_str());
    QVERIFY(!std::filesystem::exists(dir_ / "m.json") && !std::filesystem::exists(dir_ / "s.csv"));
  }

  // "-" names standard input: a series CSV piped in fits as a file would,
  // `data series -` reads a table from it, and a NUL in it is refused naming
  // "stdin" and the line.
  void standardInputIsRead() {
    const Run fit = foresight::test::runForesightWithInput(
        {QStringLiteral("fit"), QStringLiteral("--data"), QStringLiteral("-"), QStringLiteral("--model"),
         QStringLiteral("naive"), QStringLiteral("--out"), q(dir_ / "m.json")},
        panelCsv(false));
    QVERIFY2(fit.code == 0, foresight::test::describe(fit).c_str());
    const auto model = nlohmann::json::parse(readTextFile(dir_ / "m.json"));
    QCOMPARE(model["panel"].size(), std::size_t(2));
    const Run series = foresight::test::runForesightWithInput(
        {QStringLiteral("data"), QStringLiteral("series"), QStringLiteral("-"), QStringLiteral("--out"),
         QStringLiteral("-")},
        "day,amount\n2024-01-01,3\n2024-01-02,4\n");
    QVERIFY2(series.code == 0, foresight::test::describe(series).c_str());
    QVERIFY2(contains(series.out, "2024-01-02,4"), series.out.c_str());
    const Run binary = foresight::test::runForesightWithInput(
        {QStringLiteral("fit"), QStringLiteral("--data"), QStringLiteral("-"), QStringLiteral("--model"),
         QStringLiteral("naive"), QStringLiteral("--out"), q(dir_ / "b.json")},
        std::string("series,date,value\nx,2024-01-01,1\n") + std::string(1, '\0'));
    QCOMPARE(binary.code, 2);
    QVERIFY2(contains(binary.err, "stdin:3") && contains(binary.err, "NUL"), binary.err.c_str());
    QVERIFY(!std::filesystem::exists(dir_ / "b.json"));
  }
};

QTEST_GUILESS_MAIN(ModelCommandsTest)
#include "ModelCommandsTest.moc"
