#include <QtTest/QtTest>

#include "ScriptedForecaster.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/eval/Leaderboard.h"
#include "engine/eval/RollingOriginBacktest.h"

using namespace foresight;
using foresight::test::Script;
using foresight::test::scripted;

namespace {

TimeSeries line() {
  TimeSeries s{"line", Frequency::Monthly, *Date::fromYmd(2015, 1, 1), Eigen::VectorXd(40)};
  for (Eigen::Index t = 0; t < 40; ++t) s.values[t] = 10.0 + static_cast<double>(t);
  return s;
}

Script withOffset(double offset, double slope = 0.0) {
  Script s;
  s.offset = offset;
  s.slope = slope;
  return s;
}

BacktestResult backtest(std::vector<ModelCandidate> models) {
  BacktestConfig c;
  c.folds = 4;
  c.horizon = 3;
  return RollingOriginBacktest(c).run(line(), models);
}

}  // namespace

class LeaderboardTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void ranksBestFirstWithTheSpread() {
    // Errors of last + offset + slope*k on a unit line: k - offset - slope*k.
    const auto r = backtest({scripted("naive", withOffset(0)), scripted("exact", withOffset(0, 1)),
                             scripted("half", withOffset(0, 0.5))});
    const auto board = Leaderboard::build(r, MetricKey::parse("mae"));
    QCOMPARE(board.entries().size(), std::size_t(3));
    QCOMPARE(board.entries()[0].label, std::string("exact"));
    QCOMPARE(board.entries()[1].label, std::string("half"));
    QCOMPARE(board.entries()[2].label, std::string("naive"));
    QCOMPARE(board.entries()[0].rank, 1);
    FORESIGHT_COMPARE_NEAR(board.entries()[0].value.mean, 0.0, 0.0);
    FORESIGHT_COMPARE_NEAR(board.entries()[1].value.mean, 1.0, 1e-14);  // (0.5 + 1 + 1.5) / 3
    FORESIGHT_COMPARE_NEAR(board.entries()[2].value.mean, 2.0, 1e-14);
    QCOMPARE(board.entries()[2].value.count, 4);
    const std::string text = board.toText();
    QVERIFY(text.find("MAE") != std::string::npos);
    QVERIFY(text.find("2.0000") != std::string::npos);
    QVERIFY(text.find("4/0") != std::string::npos);
    QCOMPARE(board.toJson()["entries"][0]["label"], nlohmann::json("exact"));
  }
  void directionFollowsTheMetric() {
    // Bias: nearer zero is better, whatever the sign.
    const auto r = backtest({scripted("low", withOffset(-3)), scripted("high", withOffset(1.5))});
    const auto bias = Leaderboard::build(r, MetricKey::parse("bias"));
    QCOMPARE(bias.entries()[0].label, std::string("high"));  // errors 0.5 (mean of -0.5, 0.5, 1.5)
    const auto r2 = Leaderboard::build(r, MetricKey::parse("r2"));
    QCOMPARE(r2.entries()[0].label, std::string("high"));
  }
  void failedModelsSortLastAndSayWhy() {
    Script broken;
    broken.failBelow = 1000;
    const auto r = backtest({scripted("broken", broken), scripted("naive", withOffset(0))});
    const auto board = Leaderboard::build(r, MetricKey::parse("mase"));
    QCOMPARE(board.entries()[0].label, std::string("naive"));
    QCOMPARE(board.entries()[1].label, std::string("broken"));
    QCOMPARE(board.entries()[1].failed, 4);
    QVERIFY(board.entries()[1].firstError.find("needs 1000 points") != std::string::npos);
    QVERIFY(board.toText().find("note: broken failed in 4 fold(s)") != std::string::npos);
    const std::string text = board.toText();
    const std::string row = text.substr(text.find("\n   2  broken"), text.find("\n", text.find("\n   2  broken") + 1) - text.find("\n   2  broken"));
    QVERIFY2(row.find("    -  ") != std::string::npos, row.c_str());  // undefined cells show '-'
    QVERIFY2(row.find("0/4") != std::string::npos, row.c_str());
  }
  void intervalMetricsNeedAScoredLevel() {
    const auto r = backtest({scripted("naive", withOffset(0))});
    QVERIFY_THROWS_EXCEPTION(InputError, Leaderboard::build(r, MetricKey::parse("winkler90")));
    const auto board = Leaderboard::build(r, MetricKey::parse("winkler95"));
    QVERIFY(board.entries()[0].value.mean > 0.0);
  }
};

QTEST_GUILESS_MAIN(LeaderboardTest)
#include "LeaderboardTest.moc"
