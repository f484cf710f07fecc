// The pipeline commands end to end on data the tests make: the built-in
// sample (total and a per-territory panel), `export powerbi` from the
// registry, and `monitor` quiet on newer actuals like the training data but
// alerting (exit 3, reasons in words) on a level shift.
#include <QtTest/QtTest>
#include <cmath>
#include <random>

#include <nlohmann/json.hpp>

#include "CliProcess.h"
#include "PipelineCsvChecks.h"
#include "TestSupport.h"

using namespace foresight;
using namespace foresight::test;

namespace {

// series,date,value: a weekly pattern plus noise from 2020-01-01; days from
// `shiftFrom` on are raised by `shift`.
std::string syntheticSeries(int days, int shiftFrom, double shift) {
  std::mt19937 rng(42);
  std::normal_distribution<double> noise(0.0, 4.0);
  std::string csv = "series,date,value\n";
  const Date start = *Date::parseIso("2020-01-01");
  for (int i = 0; i < days; ++i) {
    const double v = 100.0 + 10.0 * std::sin(2 * M_PI * i / 7.0) + noise(rng) + (i >= shiftFrom ? shift : 0.0);
    csv += "shop," + start.addDays(i).toIso() + "," + std::to_string(v) + "\n";
  }
  return csv;
}

}  // namespace

class PipelineSampleTest : public QObject {
  Q_OBJECT
  std::filesystem::path dir_;
  QString registry_;

  CliRun run(QStringList args) { return runForesight(args << QStringLiteral("--registry") << registry_); }

 private Q_SLOTS:
  void initTestCase() {
    dir_ = makeTempDir("pipeline-sample");
    registry_ = QStringLiteral("sqlite://") + qpath(dir_ / "registry.db");
    const CliRun s = runForesight({QStringLiteral("data"), QStringLiteral("sample"), QStringLiteral("--out"), qpath(dir_ / "sample")});
    QVERIFY2(s.code == 0, describe(s).c_str());
  }

  void samplePipelineAsTheReadmeRunsIt() {
    const CliRun r = run({QStringLiteral("pipeline"), QStringLiteral("run"),
                          qpath(sourceDir() / "resources/pipelines/sample.json"), QStringLiteral("--data"),
                          qpath(dir_ / "sample"), QStringLiteral("--out"), qpath(dir_ / "run")});
    QVERIFY2(r.code == 0, describe(r).c_str());
    QVERIFY2(r.out.find("sample-revenue v1 promoted to champion") != std::string::npos, r.out.c_str());
    QVERIFY2(r.out.find("Forecast CSV: " + (dir_ / "run/powerbi.csv").string()) != std::string::npos, r.out.c_str());
    const std::string problem = checkPowerBiCsv(readTextFile(dir_ / "run/powerbi.csv"), 56, 1);
    QVERIFY2(problem.empty(), problem.c_str());
    // Not a terminal: stages are logged as lines, and the same lines are in run.log.
    QVERIFY2(r.err.find("foresight: backtest: started") != std::string::npos, r.err.c_str());
    QVERIFY(readTextFile(dir_ / "run/run.log").find("promote: promoted v1") != std::string::npos);
  }

  void noPromoteLeavesTheChampionToTheReleaseStep() {
    const QString separate = QStringLiteral("sqlite://") + qpath(dir_ / "release.db");
    const CliRun r = runForesight({QStringLiteral("pipeline"), QStringLiteral("run"),
                                   qpath(sourceDir() / "resources/pipelines/sample.json"), QStringLiteral("--data"),
                                   qpath(dir_ / "sample"), QStringLiteral("--out"), qpath(dir_ / "build-job"),
                                   QStringLiteral("--registry"), separate, QStringLiteral("--no-promote"),
                                   QStringLiteral("--fail-if-not-promoted"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, describe(r).c_str());  // approved, so the gate passes
    const auto j = nlohmann::json::parse(r.out);
    QVERIFY(j["approved"].get<bool>());
    QVERIFY(!j["promoted"].get<bool>());
    QCOMPARE(j["champion_before"].get<std::string>(), std::string("none"));
    // The release step moves the champion by compare-and-set.
    const CliRun promote = runForesight({QStringLiteral("registry"), QStringLiteral("promote"), QStringLiteral("sample-revenue"),
                                         QStringLiteral("1"), QStringLiteral("--expect"), QStringLiteral("none"),
                                         QStringLiteral("--registry"), separate});
    QVERIFY2(promote.code == 0, describe(promote).c_str());
    const CliRun h = runForesight({QStringLiteral("registry"), QStringLiteral("history"), QStringLiteral("sample-revenue"),
                                   QStringLiteral("--registry"), separate});
    QVERIFY2(h.out.find("approved for release") != std::string::npos, h.out.c_str());
  }

  void territoryPanelIsOnePanelArtifact() {
    const auto cfg = dir_ / "territory.json";
    writeTextFile(cfg, "{\"name\": \"sample-territory\", \"data\": {\"source\": \"sample\", \"by\": \"territory\"},"
                   " \"candidates\": [\"snaive\", \"ets\"], \"backtest\": {\"horizon\": 14, \"folds\": 3}}");
    const CliRun r = run({QStringLiteral("pipeline"), QStringLiteral("run"), qpath(cfg), QStringLiteral("--out"),
                          qpath(dir_ / "territory"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, describe(r).c_str());
    const auto report = nlohmann::json::parse(readTextFile(dir_ / "territory/report.json"));
    const std::size_t n = report["data"]["series"].size();
    QVERIFY2(n > 1, report["data"].dump().c_str());
    const auto artifact = nlohmann::json::parse(readTextFile(dir_ / "territory/model.json"));
    QCOMPARE(artifact["panel"].size(), n);
    const std::string problem = checkPowerBiCsv(readTextFile(dir_ / "territory/powerbi.csv"), 14, n);
    QVERIFY2(problem.empty(), problem.c_str());
  }

  void exportPowerBiFromTheRegistry() {
    const CliRun s = runForesight({QStringLiteral("data"), QStringLiteral("series"), qpath(dir_ / "sample"),
                                   QStringLiteral("--out"), qpath(dir_ / "revenue.csv")});
    QVERIFY2(s.code == 0, describe(s).c_str());
    const CliRun r = run({QStringLiteral("export"), QStringLiteral("powerbi"), QStringLiteral("--name"),
                          QStringLiteral("sample-revenue@champion"), QStringLiteral("--data"), qpath(dir_ / "revenue.csv"),
                          QStringLiteral("--horizon"), QStringLiteral("21"), QStringLiteral("--out"), qpath(dir_ / "pb.csv"),
                          QStringLiteral("--run-id"), QStringLiteral("ci-77")});
    QVERIFY2(r.code == 0, describe(r).c_str());
    const std::string csv = readTextFile(dir_ / "pb.csv");
    const std::string problem = checkPowerBiCsv(csv, 21, 1);
    QVERIFY2(problem.empty(), problem.c_str());
    QVERIFY(csv.find(",sample-revenue,1,ci-77\n") != std::string::npos);
    QVERIFY(csv.find("2017-07-01,forecast") != std::string::npos);
    const CliRun missing = run({QStringLiteral("export"), QStringLiteral("powerbi"), QStringLiteral("--name"),
                                QStringLiteral("no-such-model"), QStringLiteral("--data"), qpath(dir_ / "revenue.csv"),
                                QStringLiteral("--horizon"), QStringLiteral("5"), QStringLiteral("--out"), qpath(dir_ / "x.csv")});
    QCOMPARE(missing.code, 2);
    QVERIFY2(missing.err.find("no-such-model") != std::string::npos, missing.err.c_str());
  }

  void monitorIsQuietOnLikeDataAndAlertsOnAShift() {
    writeTextFile(dir_ / "train.csv", syntheticSeries(364, 100000, 0.0));
    const auto cfg = dir_ / "shop.json";
    writeTextFile(cfg, "{\"name\": \"shop\", \"data\": {\"source\": \"train.csv\"}, \"candidates\": [\"snaive\", \"ets\"],"
                   " \"backtest\": {\"horizon\": 7, \"folds\": 4}}");
    const CliRun p = run({QStringLiteral("pipeline"), QStringLiteral("run"), qpath(cfg), QStringLiteral("--out"), qpath(dir_ / "shop")});
    QVERIFY2(p.code == 0, describe(p).c_str());

    writeTextFile(dir_ / "like.csv", syntheticSeries(364 + 56, 100000, 0.0));
    const CliRun quiet = run({QStringLiteral("monitor"), QStringLiteral("--name"), QStringLiteral("shop"), QStringLiteral("--data"),
                              qpath(dir_ / "like.csv"), QStringLiteral("--json")});
    QVERIFY2(quiet.code == 0, describe(quiet).c_str());
    const auto q = nlohmann::json::parse(quiet.out);
    QCOMPARE(q["series"][0]["performance"]["newer_actuals"].get<int>(), 56);
    QVERIFY(q["series"][0]["performance"]["mase_ratio"].is_number());
    QCOMPARE(q["series"][0]["drift"].size(), std::size_t(2));

    writeTextFile(dir_ / "shifted.csv", syntheticSeries(364 + 56, 364, 40.0));
    const CliRun alert = run({QStringLiteral("monitor"), QStringLiteral("--name"), QStringLiteral("shop"), QStringLiteral("--data"),
                              qpath(dir_ / "shifted.csv"), QStringLiteral("--json")});
    QVERIFY2(alert.code == 3, describe(alert).c_str());
    const auto a = nlohmann::json::parse(alert.out);
    QVERIFY(a["alert"].get<bool>());
    QVERIFY2(alert.err.find("Level shift (Welch t-test)") != std::string::npos, alert.err.c_str());
    QVERIFY2(alert.err.find("times the backtest MASE") != std::string::npos, alert.err.c_str());
  }
};

QTEST_GUILESS_MAIN(PipelineSampleTest)
#include "PipelineSampleTest.moc"
