// `foresight pipeline run` on the real Adventure Works export with a fresh
// registry, as CI runs it: the first run registers v1 and makes it champion,
// a rerun on the same data keeps it (naming the failed rule), a snaive-only
// challenger never replaces the ets champion (and fails the CI gate), a run
// on data cut at 2017-03-31 followed by one on the full data retrains and
// records its decision, and `registry history` shows every decision.
#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include "CliProcess.h"
#include "PipelineCsvChecks.h"
#include "TestSupport.h"

using namespace foresight;
using namespace foresight::test;

class PipelineRunTest : public QObject {
  Q_OBJECT
  std::filesystem::path dir_, aw_;
  QString registry_;

  // A config for the shared data: fewer candidates and folds than the
  // example so the suite stays quick; `extra` is spliced into "data".
  std::filesystem::path config(const std::string& file, const std::string& candidates, const std::string& extra = "") {
    const auto path = dir_ / file;
    writeTextFile(path, "{\"name\": \"aw-revenue\", \"data\": {\"source\": \"" + aw_.string() +
                        "\", \"measure\": \"revenue\"" + extra + "}, \"candidates\": [" + candidates +
                        "], \"backtest\": {\"horizon\": 28, \"folds\": 4}, \"export\": {\"horizon\": 30, \"history\": 60}}");
    return path;
  }

  CliRun pipeline(const std::filesystem::path& cfg, const std::string& out, QStringList extra = {}) {
    QStringList args = {QStringLiteral("pipeline"), QStringLiteral("run"), qpath(cfg), QStringLiteral("--registry"),
                        registry_, QStringLiteral("--out"), qpath(dir_ / out), QStringLiteral("--json")};
    return runForesight(args + extra);
  }

 private Q_SLOTS:
  void initTestCase() {
    aw_ = sharedData("adventureworks");
    if (aw_.empty()) return;
    dir_ = makeTempDir("pipeline-run");
    registry_ = QStringLiteral("sqlite://") + qpath(dir_ / "registry.db");
  }

  void firstRunRegistersAndPromotesV1() {
    const CliRun r = pipeline(config("aw.json", "\"snaive\", \"ets\", \"theta\""), "run1");
    QVERIFY2(r.code == 0, describe(r).c_str());
    const auto j = nlohmann::json::parse(r.out);
    QCOMPARE(j["version"].get<int>(), 1);
    QVERIFY(j["promoted"].get<bool>());
    QCOMPARE(j["champion"].get<int>(), 1);
    // The run folder holds everything a reviewer needs.
    for (const char* f : {"report.json", "report.md", "powerbi.csv", "model.json", "run.log", "leaderboard.svg", "forecast-1.svg"})
      QVERIFY2(std::filesystem::exists(dir_ / "run1" / f), f);
    const auto report = nlohmann::json::parse(readTextFile(dir_ / "run1/report.json"));
    QCOMPARE(report["registry"]["version"].get<int>(), 1);
    QCOMPARE(report["data"]["series"][0]["periods"].get<int>(), 912);
    // Daily revenue sells every day: Syntetos-Boylan "smooth".
    QCOMPARE(report["data"]["series"][0]["demand_pattern"]["class"].get<std::string>(), std::string("smooth"));
    QVERIFY(readTextFile(dir_ / "run1/report.md").find("| 0% | 1.00 | 0.38 | smooth |") != std::string::npos);
    QCOMPARE(report["backtest"]["leaderboard"]["entries"].size(), std::size_t(3));
    QCOMPARE(report["backtest"]["models"][0]["folds"].size(), std::size_t(4));  // per-fold metrics
    QVERIFY(report["timings"].contains("total_s"));
    const std::string csv = readTextFile(dir_ / "run1/powerbi.csv");
    const std::string problem = checkPowerBiCsv(csv, 30, 1);
    QVERIFY2(problem.empty(), problem.c_str());
    QVERIFY(readTextFile(dir_ / "run1/report.md").find("![leaderboard](leaderboard.svg)") != std::string::npos);
    QVERIFY(readTextFile(dir_ / "run1/leaderboard.svg").rfind("<svg", 0) == 0);
  }

  void secondRunOnTheSameDataKeepsTheChampion() {
    const CliRun r = pipeline(config("aw.json", "\"snaive\", \"ets\", \"theta\""), "run2");
    QVERIFY2(r.code == 0, describe(r).c_str());
    const auto j = nlohmann::json::parse(r.out);
    QCOMPARE(j["version"].get<int>(), 2);
    QVERIFY(!j["promoted"].get<bool>());
    QCOMPARE(j["champion"].get<int>(), 1);
    const std::string why = j["decision"].get<std::string>();
    QVERIFY2(why.find("kept champion v1") != std::string::npos, why.c_str());
    QVERIFY2(why.find("[metric FAILED]") != std::string::npos, why.c_str());
    QVERIFY2(why.find("[diebold_mariano FAILED]") != std::string::npos, why.c_str());
  }

  void snaiveNeverReplacesTheEtsChampionAndFailsTheGate() {
    const CliRun r = pipeline(config("aw.json", "\"ets\""), "run3", {QStringLiteral("--candidates"), QStringLiteral("snaive"),
                                                                     QStringLiteral("--fail-if-not-promoted")});
    QVERIFY2(r.code == 3, describe(r).c_str());
    const auto j = nlohmann::json::parse(r.out);
    QVERIFY(!j["promoted"].get<bool>());
    QCOMPARE(j["champion"].get<int>(), 1);
    QVERIFY(j["decision"].get<std::string>().find("(snaive) not promoted") != std::string::npos);
    // The Power BI CSV still shows the champion that stays.
    const std::string csv = readTextFile(dir_ / "run3/powerbi.csv");
    QVERIFY(csv.find(",forecast,") != std::string::npos);
    QVERIFY(csv.find(",aw-revenue,1,") != std::string::npos);
    QVERIFY(csv.find(",aw-revenue,3,") == std::string::npos);
  }

  void cutThenFullDataRetrainsAndRecordsTheDecision() {
    const QString fresh = QStringLiteral("sqlite://") + qpath(dir_ / "retrain.db");
    const auto cut = config("cut.json", "\"snaive\", \"ets\"", ", \"to\": \"2017-03-31\"");
    CliRun r = runForesight({QStringLiteral("pipeline"), QStringLiteral("run"), qpath(cut), QStringLiteral("--registry"), fresh,
                             QStringLiteral("--out"), qpath(dir_ / "cut"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, describe(r).c_str());
    QVERIFY(nlohmann::json::parse(r.out)["promoted"].get<bool>());
    QVERIFY(readTextFile(dir_ / "cut/powerbi.csv").find("2017-04-01,forecast") != std::string::npos);
    r = runForesight({QStringLiteral("pipeline"), QStringLiteral("run"), qpath(config("full.json", "\"snaive\", \"ets\"")),
                      QStringLiteral("--registry"), fresh, QStringLiteral("--out"), qpath(dir_ / "full"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, describe(r).c_str());
    const auto j = nlohmann::json::parse(r.out);
    QCOMPARE(j["version"].get<int>(), 2);
    const auto report = nlohmann::json::parse(readTextFile(dir_ / "full/report.json"));
    QCOMPARE(report["champion"]["train_end"].get<std::string>(), std::string("2017-03-31"));
    QCOMPARE(report["data"]["series"][0]["end"].get<std::string>(), std::string("2017-06-30"));
    // Same spec on newer data: the refresh rule promotes it, and says so.
    QVERIFY(j["promoted"].get<bool>());
    QVERIFY2(j["decision"].get<std::string>().find("[refresh passed]") != std::string::npos, r.out.c_str());
    QVERIFY(readTextFile(dir_ / "full/powerbi.csv").find("2017-07-01,forecast") != std::string::npos);
    const CliRun h = runForesight({QStringLiteral("registry"), QStringLiteral("history"), QStringLiteral("aw-revenue"),
                                   QStringLiteral("--registry"), fresh, QStringLiteral("--json")});
    QVERIFY2(h.code == 0, describe(h).c_str());
    const auto events = nlohmann::json::parse(h.out);
    int promotions = 0;
    for (const auto& e : events)
      if (e["action"] == "promote") ++promotions;
    QCOMPARE(promotions, 2);
  }

  void registryHistoryShowsEveryDecisionWithReasons() {
    const CliRun h = runForesight({QStringLiteral("registry"), QStringLiteral("history"), QStringLiteral("aw-revenue"),
                                   QStringLiteral("--registry"), registry_});
    QVERIFY2(h.code == 0, describe(h).c_str());
    QVERIFY2(h.out.find("promoted v1 (ets) as the first champion") != std::string::npos, h.out.c_str());
    QVERIFY2(h.out.find("kept champion v1, challenger v2") != std::string::npos, h.out.c_str());
    QVERIFY2(h.out.find("kept champion v1, challenger v3 (snaive)") != std::string::npos, h.out.c_str());
  }

  void refusesAnUnknownConfigKeyWithItsPath() {
    const auto bad = dir_ / "bad.json";
    writeTextFile(bad, "{\"name\": \"x\", \"backtest\": {\"fold\": 3}}");
    const CliRun r = runForesight({QStringLiteral("pipeline"), QStringLiteral("run"), qpath(bad), QStringLiteral("--registry"), registry_});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.find(bad.string() + ": backtest.fold: unknown key (did you mean \"folds\"?)") != std::string::npos, r.err.c_str());
  }

  // The run id becomes runs/<name>/<run id>: a path in it is refused (exit 2)
  // before any folder is created, wherever the run was started.
  void aRunIdThatIsAPathIsRefusedBeforeAnythingIsCreated() {
    const auto root = makeTempDir("pipeline-run-id");
    const auto cwd = root / "a" / "b" / "c";
    std::filesystem::create_directories(cwd);
    writeTextFile(cwd / "p.json", R"({"name": "shop", "data": {"source": "shop.csv"}, "candidates": ["naive"]})");
    const CliRun r = runForesight({QStringLiteral("pipeline"), QStringLiteral("run"), QStringLiteral("p.json"),
                                   QStringLiteral("--registry"), QStringLiteral("sqlite://") + qpath(root / "r.db"),
                                   QStringLiteral("--run-id"), QStringLiteral("../../../escape")},
                                  cwd);
    QCOMPARE(r.code, 2);
    QVERIFY2(contains(r.err, "invalid run id") && contains(r.err, "../../../escape"), r.err.c_str());
    QVERIFY(!std::filesystem::exists(cwd / "runs"));
    QVERIFY(!std::filesystem::exists(root / "escape") && !std::filesystem::exists(root / "a" / "escape"));
    QVERIFY(!std::filesystem::exists(root / "r.db"));
  }
};

QTEST_GUILESS_MAIN(PipelineRunTest)
#include "PipelineRunTest.moc"
