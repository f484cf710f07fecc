#include <QtTest/QtTest>

#include <map>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "CliProcess.h"
#include "TestSupport.h"
#include "engine/common/Date.h"

// Runs the real `foresight` binary for backtest, compare and benchmark m4.
namespace {

using foresight::test::contains;
using foresight::test::readTextFile;
using foresight::test::writeTextFile;
using Run = foresight::test::CliRun;

Run foresightRun(const QStringList& args) { return foresight::test::runForesight(args); }
QString q(const std::filesystem::path& p) { return foresight::test::qpath(p); }
QString q(const char* s) { return QString::fromLatin1(s); }

// ISO date `days` after 2018-01-01 (a Monday).
std::string isoDate(int days) { return foresight::Date::fromYmd(2018, 1, 1)->addDays(days).toIso(); }

// Two weekly series with a strong trend and a wiggle: drift beats naive.
std::string trendCsv() {
  std::string s = "series,date,value\n";
  for (int k = 0; k < 2; ++k)
    for (int i = 0; i < 70; ++i) {
      const double v = 100.0 * (k + 1) + 3.0 * i + 4.0 * std::sin(1.3 * i + k);
      s += std::string(k == 0 ? "east," : "west,") + isoDate(7 * i) + "," + std::to_string(v) + "\n";
    }
  return s;
}

}  // namespace

class EvalCommandsTest : public QObject {
  Q_OBJECT
 private:
  std::filesystem::path dir_;

 private Q_SLOTS:
  void init() {
    dir_ = foresight::test::makeTempDir("cli-eval");
    writeTextFile(dir_ / "trend.csv", trendCsv());
  }

  void backtestPrintsALeaderboard() {
    const Run r = foresightRun({q("backtest"), q("--data"), q(dir_ / "trend.csv"), q("--models"),
                                q("naive,drift,mean"), q("--horizon"), q("4"), q("--folds"), q("5")});
    QVERIFY2(r.code == 0, r.err.c_str());
    QVERIFY(contains(r.out, "3 model(s) on 2 series, 5 folds x horizon 4"));
    const auto drift = r.out.find("   1  drift"), naive = r.out.find("   2  naive"), mean = r.out.find("   3  mean");
    QVERIFY2(drift != std::string::npos && naive != std::string::npos && mean != std::string::npos, r.out.c_str());
    QVERIFY(contains(r.out, "10/0"));
  }
  void backtestJsonHasEveryFold() {
    const Run r = foresightRun({q("backtest"), q("--data"), q(dir_ / "trend.csv"), q("--models"), q("naive,drift"),
                                q("--horizon"), q("3"), q("--folds"), q("4"), q("--step"), q("2"), q("--gap"), q("1"),
                                q("--window"), q("sliding"), q("--series"), q("west"), q("--metric"), q("rmse"),
                                q("--level"), q("90"), q("--threads"), q("2"), q("--json"), q("--out"),
                                q(dir_ / "bt.json")});
    QVERIFY2(r.code == 0, r.err.c_str());
    QVERIFY(r.out.empty());
    const auto j = nlohmann::json::parse(readTextFile(dir_ / "bt.json"));
    QCOMPARE(j["leaderboard"]["metric"], nlohmann::json("rmse"));
    const auto& bt = j["backtest"];
    QCOMPARE(bt["config"]["step"], nlohmann::json(2));
    QCOMPARE(bt["config"]["gap"], nlohmann::json(1));
    QCOMPARE(bt["config"]["window"], nlohmann::json("sliding"));
    QCOMPARE(bt["series"].size(), std::size_t(1));
    QCOMPARE(bt["models"][0]["folds"].size(), std::size_t(4));
    const auto& last = bt["models"][0]["folds"][3];
    QCOMPARE(last["series"], nlohmann::json("west"));
    QCOMPARE(last["actual"].size(), std::size_t(3));
    QCOMPARE(last["intervals"][0]["level"], nlohmann::json(90.0));
    QCOMPARE(bt["models"][0]["per_step"].size(), std::size_t(3));
    // Sliding: every fold trains on as many points as the first.
    QCOMPARE(bt["models"][0]["folds"][0]["train_size"], last["train_size"]);
  }
  void backtestRefusesBadRequests_data() {
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("window") << QStringList{q("--window"), q("rolling")} << q("--window");
    QTest::newRow("level") << QStringList{q("--level"), q("80,120")} << q("--level");
    QTest::newRow("level twice") << QStringList{q("--level"), q("80,95,80")} << q("--level: names level 80 twice");
    QTest::newRow("level empty") << QStringList{q("--level"), q("")} << q("--level: name at least one level");
    QTest::newRow("metric") << QStringList{q("--metric"), q("accuracy")} << q("unknown metric");
    QTest::newRow("series") << QStringList{q("--series"), q("north")} << q("no such series");
    QTest::newRow("too short") << QStringList{q("--folds"), q("30")} << q("need at least");
    QTest::newRow("spec") << QStringList{q("--models"), q("naive,nope")} << q("nope");
    QTest::newRow("window size") << QStringList{q("--window-size"), q("10")} << q("--window sliding");
  }
  void backtestRefusesBadRequests() {
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    QStringList args{q("backtest"), q("--data"), q(dir_ / "trend.csv"), q("--horizon"), q("4")};
    if (!extra.contains(q("--models"))) args << q("--models") << q("naive");
    if (!extra.contains(q("--folds"))) args << q("--folds") << q("3");
    args << extra;
    const Run r = foresightRun(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(contains(r.err, message.toStdString()), r.err.c_str());
  }
  void compareDecidesAndGates() {
    const Run better = foresightRun({q("compare"), q("--data"), q(dir_ / "trend.csv"), q("--series"), q("east"),
                                     q("--champion"), q("naive"), q("--challenger"), q("drift"), q("--horizon"),
                                     q("4"), q("--folds"), q("8"), q("--fail-if-not-promoted")});
    QVERIFY2(better.code == 0, (better.out + better.err).c_str());
    QVERIFY(contains(better.out, "Decision: PROMOTE the challenger"));
    QVERIFY(contains(better.out, "Diebold-Mariano test on squared errors (h = 4, 32 points)"));

    const Run same = foresightRun({q("compare"), q("--data"), q(dir_ / "trend.csv"), q("--champion"), q("naive"),
                                   q("--challenger"), q("naive"), q("--horizon"), q("4"), q("--folds"), q("5"),
                                   q("--fail-if-not-promoted"), q("--json")});
    QCOMPARE(same.code, 3);
    const auto j = nlohmann::json::parse(same.out);
    QCOMPARE(j["decision"]["promote"], nlohmann::json(false));
    QCOMPARE(j["comparison"]["folds_compared"], nlohmann::json(10));
    QCOMPARE(j["comparison"]["diebold_mariano"]["defined"], nlohmann::json(false));
    QCOMPARE(j["policy"]["metric"], nlohmann::json("mase"));
    // Without the flag the command reports and succeeds.
    const Run report = foresightRun({q("compare"), q("--data"), q(dir_ / "trend.csv"), q("--champion"), q("naive"),
                                     q("--challenger"), q("naive"), q("--horizon"), q("4"), q("--folds"), q("5")});
    QCOMPARE(report.code, 0);
    QVERIFY(contains(report.out, "Decision: KEEP the champion"));
  }
  void compareRefitsAnArtifactWithItsSpec() {
    const Run fit = foresightRun({q("fit"), q("--data"), q(dir_ / "trend.csv"), q("--series"), q("east"), q("--model"),
                                  q("drift"), q("--out"), q(dir_ / "champion.json")});
    QVERIFY2(fit.code == 0, fit.err.c_str());
    const Run r = foresightRun({q("compare"), q("--data"), q(dir_ / "trend.csv"), q("--champion"),
                                q(dir_ / "champion.json"), q("--challenger"), q("naive"), q("--horizon"), q("4"),
                                q("--folds"), q("5"), q("--json")});
    QVERIFY2(r.code == 0, r.err.c_str());
    const auto j = nlohmann::json::parse(r.out);
    QCOMPARE(j["comparison"]["champion"], nlohmann::json("champion.json"));
    QCOMPARE(j["comparison"]["backtest"][0]["spec"], nlohmann::json("drift"));
    QCOMPARE(j["decision"]["promote"], nlohmann::json(false));  // naive is worse than drift
  }
  void compareResolvesRegistryReferences() {
    const QString reg = q("sqlite://") + q(dir_ / "registry.db");
    const Run fit = foresightRun({q("fit"), q("--data"), q(dir_ / "trend.csv"), q("--series"), q("east"), q("--model"),
                                  q("naive"), q("--out"), q(dir_ / "naive.json")});
    QVERIFY2(fit.code == 0, fit.err.c_str());
    QCOMPARE(foresightRun({q("registry"), q("push"), q("--registry"), reg, q("--name"), q("sales"), q("--model"),
                           q(dir_ / "naive.json")}).code, 0);
    QCOMPARE(foresightRun({q("registry"), q("promote"), q("sales"), q("1"), q("--expect"), q("none"),
                           q("--registry"), reg}).code, 0);
    for (const char* ref : {"sales@champion", "sales/1"}) {
      const Run r = foresightRun({q("compare"), q("--data"), q(dir_ / "trend.csv"), q("--champion"), q(ref),
                                  q("--challenger"), q("drift"), q("--horizon"), q("4"), q("--folds"), q("8"),
                                  q("--registry"), reg, q("--json")});
      QVERIFY2(r.code == 0, r.err.c_str());
      const auto j = nlohmann::json::parse(r.out);
      QCOMPARE(j["comparison"]["champion"], nlohmann::json(ref));
      QCOMPARE(j["comparison"]["backtest"][0]["spec"], nlohmann::json("naive"));
      QCOMPARE(j["decision"]["promote"], nlohmann::json(true));
    }
    const Run unknown = foresightRun({q("compare"), q("--data"), q(dir_ / "trend.csv"), q("--champion"),
                                      q("sales@nope"), q("--challenger"), q("drift"), q("--horizon"), q("4"),
                                      q("--folds"), q("3"), q("--registry"), reg});
    QCOMPARE(unknown.code, 2);
    QVERIFY2(contains(unknown.err, "nope"), unknown.err.c_str());
  }
  void compareReadsThePolicyFile() {
    writeTextFile(dir_ / "policy.json", R"({"metric": "rmse", "min_folds": 20})");
    const Run r = foresightRun({q("compare"), q("--data"), q(dir_ / "trend.csv"), q("--champion"), q("naive"),
                                q("--challenger"), q("drift"), q("--horizon"), q("4"), q("--folds"), q("8"),
                                q("--policy"), q(dir_ / "policy.json"), q("--fail-if-not-promoted")});
    QCOMPARE(r.code, 3);
    QVERIFY(contains(r.out, "the policy needs at least 20"));
    QVERIFY(contains(r.out, "RMSE over the compared folds"));
    writeTextFile(dir_ / "bad.json", R"({"metric": "rmse", "min_fold": 2})");
    const Run bad = foresightRun({q("compare"), q("--data"), q(dir_ / "trend.csv"), q("--champion"), q("naive"),
                                  q("--challenger"), q("drift"), q("--horizon"), q("4"), q("--folds"), q("3"),
                                  q("--policy"), q(dir_ / "bad.json")});
    QCOMPARE(bad.code, 2);
    QVERIFY2(contains(bad.err, "bad.json") && contains(bad.err, "min_fold"), bad.err.c_str());
    const Run missing = foresightRun({q("compare"), q("--data"), q(dir_ / "trend.csv"), q("--champion"),
                                      q(dir_ / "nowhere.json"), q("--challenger"), q("drift"), q("--horizon"), q("4"),
                                      q("--folds"), q("3")});
    QCOMPARE(missing.code, 2);
    QVERIFY(contains(missing.err, "nowhere.json"));
  }
  void benchmarkM4ScoresTheFiles() {
    writeTextFile(dir_ / "train.csv",
              "\"V1\",\"V2\",\"V3\",\"V4\",\"V5\",\"V6\"\n\"W1\",\"10\",\"12\",\"11\",\"13\",\n"
              "\"W2\",\"100\",\"90\",\"95\",\"85\",\"80\"\n");
    writeTextFile(dir_ / "test.csv", "\"V1\",\"V2\",\"V3\"\n\"W1\",\"14\",\"12\"\n\"W2\",\"82\",\"78\"\n");
    const Run r = foresightRun({q("benchmark"), q("m4"), q("--train"), q(dir_ / "train.csv"), q("--test"),
                                q(dir_ / "test.csv"), q("--models"), q("naive,naive2"), q("--json")});
    QVERIFY2(r.code == 0, r.err.c_str());
    const auto j = nlohmann::json::parse(r.out);
    QCOMPARE(j["series"], nlohmann::json(2));
    // W1: (200/27 + 200/25)/2; W2: (400/162 + 400/158)/2.
    const double smape = ((200.0 / 27 + 200.0 / 25) / 2 + (400.0 / 162 + 400.0 / 158) / 2) / 2;
    QVERIFY(std::fabs(j["models"][0]["smape"].get<double>() - smape) < 1e-12);
    QCOMPARE(j["models"][1]["owa"].get<double>(), 1.0);
    const Run text = foresightRun({q("benchmark"), q("m4"), q("--train"), q(dir_ / "train.csv"), q("--test"),
                                   q(dir_ / "test.csv"), q("--models"), q("naive"), q("--limit"), q("1")});
    QCOMPARE(text.code, 0);
    QVERIFY2(contains(text.out, "M4 benchmark: 1 series (W), horizon 2"), text.out.c_str());
    writeTextFile(dir_ / "broken.csv", "\"V1\",\"V2\",\"V3\"\n\"W1\",\"14\",\"1,2\"\n");
    const Run bad = foresightRun({q("benchmark"), q("m4"), q("--train"), q(dir_ / "broken.csv"), q("--test"),
                                  q(dir_ / "test.csv"), q("--models"), q("naive")});
    QCOMPARE(bad.code, 2);
    QVERIFY2(contains(bad.err, "broken.csv:2") && contains(bad.err, "V3"), bad.err.c_str());
  }

  // A two-level hierarchy (total = east + west, as `data series --hierarchy`
  // writes it): scores per level and method, the best named; bad requests
  // exit 2 naming the option or the series.
  void hierarchyBacktestScoresEveryLevel() {
    // Whole numbers, so that the total is the sum of the values as written.
    const auto east = [](int i) { return std::round(100.0 + 3.0 * i + 4.0 * std::sin(1.3 * i)); };
    const auto west = [](int i) { return std::round(200.0 + 2.0 * i + 5.0 * std::cos(0.7 * i)); };
    std::string csv = "series,date,value,level\n";
    for (int i = 0; i < 70; ++i) csv += "Total," + isoDate(7 * i) + "," + std::to_string(east(i) + west(i)) + ",total\n";
    for (int i = 0; i < 70; ++i) csv += "east," + isoDate(7 * i) + "," + std::to_string(east(i)) + ",region\n";
    for (int i = 0; i < 70; ++i) csv += "west," + isoDate(7 * i) + "," + std::to_string(west(i)) + ",region\n";
    writeTextFile(dir_ / "h.csv", csv);
    const Run r = foresightRun({q("hierarchy"), q("backtest"), q("--data"), q(dir_ / "h.csv"), q("--model"), q("theta"),
                                q("--bottom-model"), q("drift"), q("--methods"), q("bottom_up,ols,mint_shrink"),
                                q("--horizon"), q("4"), q("--folds"), q("3"), q("--json")});
    QVERIFY2(r.code == 0, r.err.c_str());
    const auto j = nlohmann::json::parse(r.out);
    QCOMPARE(j["nodes"], nlohmann::json(3));
    QCOMPARE(j["scores"].size(), std::size_t(4 * 3));  // base + 3 methods, x (total, region, all)
    QCOMPARE(j["scores"][1]["level"], nlohmann::json("region"));
    QCOMPARE(j["scores"][1]["nodes"], nlohmann::json(2));
    QVERIFY(j["best_overall"].is_string());
    const Run text = foresightRun({q("hierarchy"), q("backtest"), q("--data"), q(dir_ / "h.csv"), q("--model"),
                                   q("drift"), q("--horizon"), q("4"), q("--folds"), q("3")});
    QCOMPARE(text.code, 0);
    QVERIFY2(contains(text.out, "3 nodes (total, region), 3 folds x horizon 4") &&
                 contains(text.out, "all levels (3)") && contains(text.out, "Best over all levels (mean MASE): "),
             text.out.c_str());
    const Run method = foresightRun({q("hierarchy"), q("backtest"), q("--data"), q(dir_ / "h.csv"), q("--model"),
                                     q("drift"), q("--methods"), q("mint"), q("--horizon"), q("4"), q("--folds"), q("3")});
    QCOMPARE(method.code, 2);
    QVERIFY2(contains(method.err, "--methods: unknown method 'mint'"), method.err.c_str());
    const Run flat = foresightRun({q("hierarchy"), q("backtest"), q("--data"), q(dir_ / "trend.csv"), q("--model"),
                                   q("drift"), q("--horizon"), q("4"), q("--folds"), q("3")});
    QCOMPARE(flat.code, 2);
    QVERIFY2(contains(flat.err, "series,date,value,level"), flat.err.c_str());

    // hierarchy forecast: reconciled, written as a hierarchy's CSV that adds up.
    const Run fc = foresightRun({q("hierarchy"), q("forecast"), q("--data"), q(dir_ / "h.csv"), q("--model"), q("theta"),
                                 q("--method"), q("mint_shrink"), q("--horizon"), q("3"), q("--out"),
                                 q(dir_ / "fc.csv"), q("--base"), q(dir_ / "base.csv")});
    QVERIFY2(fc.code == 0, fc.err.c_str());
    QVERIFY2(contains(fc.err, "3 nodes x 3 periods reconciled by mint_shrink"), fc.err.c_str());
    const std::string out = readTextFile(dir_ / "fc.csv");
    QVERIFY2(out.rfind("series,date,value,level\nTotal," + isoDate(7 * 70) + ",", 0) == 0, out.c_str());
    std::map<std::string, double> byRow;  // "series,date" -> value
    std::istringstream lines(out);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      const auto c1 = line.find(','), c2 = line.find(',', c1 + 1), c3 = line.find(',', c2 + 1);
      byRow[line.substr(0, c2)] = std::stod(line.substr(c2 + 1, c3 - c2 - 1));
    }
    for (int i = 70; i < 73; ++i) {
      const std::string d = isoDate(7 * i);
      const double total = byRow.at("Total," + d), sum = byRow.at("east," + d) + byRow.at("west," + d);
      QVERIFY2(std::fabs(total - sum) <= 1e-9 * std::fabs(total), d.c_str());
    }
    QVERIFY(readTextFile(dir_ / "base.csv").rfind("series,date,value,level\n", 0) == 0);
    const Run withIntervals = foresightRun({q("hierarchy"), q("forecast"), q("--data"), q(dir_ / "h.csv"), q("--model"),
                                            q("theta"), q("--horizon"), q("3"), q("--level"), q("80,95"),
                                            q("--intervals"), q(dir_ / "intervals.csv"), q("--out"), q("-")});
    QVERIFY2(withIntervals.code == 0, withIntervals.err.c_str());
    QVERIFY2(readTextFile(dir_ / "intervals.csv").rfind("series,date,mean,lo80,hi80,lo95,hi95\nTotal,", 0) == 0,
             readTextFile(dir_ / "intervals.csv").c_str());
    const Run alone = foresightRun({q("hierarchy"), q("forecast"), q("--data"), q(dir_ / "h.csv"), q("--model"),
                                    q("drift"), q("--horizon"), q("3"), q("--level"), q("80"), q("--out"), q("-")});
    QCOMPARE(alone.code, 2);
    QVERIFY2(contains(alone.err, "--level and --intervals go together"), alone.err.c_str());
    const Run two = foresightRun({q("hierarchy"), q("forecast"), q("--data"), q(dir_ / "h.csv"), q("--model"), q("drift"),
                                  q("--method"), q("ols,wls_var"), q("--horizon"), q("3"), q("--out"), q("-")});
    QCOMPARE(two.code, 2);
    QVERIFY2(contains(two.err, "--method: one method"), two.err.c_str());
  }
};

QTEST_GUILESS_MAIN(EvalCommandsTest)
#include "EvalCommandsTest.moc"
