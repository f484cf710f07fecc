#include <QtTest/QtTest>

#include <atomic>
#include <cmath>
#include <mutex>

#include "ScriptedForecaster.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/eval/RollingOriginBacktest.h"
#include "engine/eval/TaskPool.h"

using namespace foresight;
using foresight::test::noise;
using foresight::test::Script;
using foresight::test::scripted;

namespace {

// y[t] = t + 1, daily from 2020-01-01.
TimeSeries linear(Eigen::Index n, const std::string& name = "linear") {
  TimeSeries s{name, Frequency::Daily, *Date::fromYmd(2020, 1, 1), Eigen::VectorXd(n)};
  for (Eigen::Index t = 0; t < n; ++t) s.values[t] = static_cast<double>(t + 1);
  return s;
}

TimeSeries noisy(Eigen::Index n, const std::string& name, unsigned seed) {
  TimeSeries s{name, Frequency::Daily, *Date::fromYmd(2021, 3, 1), Eigen::VectorXd(n)};
  for (Eigen::Index t = 0; t < n; ++t)
    s.values[t] = 50.0 + 0.3 * static_cast<double>(t) + 8.0 * std::sin(static_cast<double>(t) * 0.9) +
                  5.0 * noise(seed * 1000u + static_cast<unsigned>(t));
  return s;
}

BacktestConfig config(int folds, int horizon) {
  BacktestConfig c;
  c.folds = folds;
  c.horizon = horizon;
  c.seasonalPeriod = 1;
  return c;
}

}  // namespace

class RollingOriginBacktestTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void naiveOnALineHasKnownErrors() {
    // Origins 18, 22, 26; naive repeats y[origin-1], so step k errs by k.
    const auto r = RollingOriginBacktest(config(3, 4)).run(linear(30), {ModelCandidate::fromSpec("naive")});
    QCOMPARE(r.models.size(), std::size_t(1));
    const ModelBacktest& m = r.models[0];
    QCOMPARE(m.label, std::string("naive"));
    QCOMPARE(m.folds.size(), std::size_t(3));
    for (std::size_t k = 0; k < 3; ++k) {
      const FoldOutcome& f = m.folds[k];
      QVERIFY2(f.ok, f.error.c_str());
      const Eigen::Index origin = 18 + 4 * static_cast<Eigen::Index>(k);
      QCOMPARE(f.fold.trainEnd, origin);
      QCOMPARE(f.trainStart.toIso(), std::string("2020-01-01"));
      QCOMPARE(f.testStart, Date::fromYmd(2020, 1, 1)->addDays(static_cast<int>(origin)));
      for (Eigen::Index i = 0; i < 4; ++i) QCOMPARE(f.forecast[i], static_cast<double>(origin));
      FORESIGHT_COMPARE_NEAR(f.metrics.mae, 2.5, 1e-14);
      FORESIGHT_COMPARE_NEAR(f.metrics.mase, 2.5, 1e-14);  // in-sample naive error is 1
      FORESIGHT_COMPARE_NEAR(f.metrics.rmsse, std::sqrt(7.5), 1e-14);
      FORESIGHT_COMPARE_NEAR(f.metrics.bias, 2.5, 1e-14);
    }
    const Spread mase = m.summary.get(MetricKey::parse("mase"));
    QCOMPARE(mase.count, 3);
    FORESIGHT_COMPARE_NEAR(mase.mean, 2.5, 1e-14);
    FORESIGHT_COMPARE_NEAR(mase.std, 0.0, 0.0);
    QCOMPARE(m.perStep.size(), std::size_t(4));
    for (std::size_t k = 0; k < 4; ++k) FORESIGHT_COMPARE_NEAR(m.perStep[k].mae, static_cast<double>(k + 1), 1e-14);
    QCOMPARE(r.seasonalPeriods, std::vector<int>{1});
  }
  void seasonalPeriodDefaultsToTheFrequency() {
    auto c = config(3, 4);
    c.seasonalPeriod = 0;
    const auto r = RollingOriginBacktest(c).run(linear(30), {ModelCandidate::fromSpec("naive")});
    QCOMPARE(r.seasonalPeriods, std::vector<int>{7});  // daily
    // The lag-7 in-sample error of a unit line is 7.
    FORESIGHT_COMPARE_NEAR(r.models[0].summary.get(MetricKey::parse("mase")).mean, 2.5 / 7.0, 1e-14);
  }
  void gapForecastsThroughTheSkippedPeriods() {
    auto c = config(3, 4);
    c.gap = 2;
    const auto r = RollingOriginBacktest(c).run(linear(30), {ModelCandidate::fromSpec("naive")});
    const FoldOutcome& f = r.models[0].folds[2];
    QCOMPARE(f.fold.testBegin, Eigen::Index(26));
    QCOMPARE(f.fold.trainEnd, Eigen::Index(24));
    QCOMPARE(f.actual[0], 27.0);
    QCOMPARE(f.forecast[0], 24.0);  // last training value, scored 3 steps on
    FORESIGHT_COMPARE_NEAR(f.metrics.mae, 4.5, 1e-14);  // errors 3, 4, 5, 6
  }
  void slidingWindowsForgetOldData() {
    auto c = config(3, 4);
    const auto expanding = RollingOriginBacktest(c).run(linear(30), {ModelCandidate::fromSpec("mean")});
    c.window = WindowKind::Sliding;
    const auto sliding = RollingOriginBacktest(c).run(linear(30), {ModelCandidate::fromSpec("mean")});
    for (std::size_t k = 0; k < 3; ++k) {
      const auto& e = expanding.models[0].folds[k];
      const auto& s = sliding.models[0].folds[k];
      const double origin = 18.0 + 4.0 * static_cast<double>(k);
      QCOMPARE(e.fold.trainSize(), Eigen::Index(18 + 4 * static_cast<Eigen::Index>(k)));
      QCOMPARE(s.fold.trainSize(), Eigen::Index(18));
      // Mean of 1..origin vs mean of the last 18 values (origin-17..origin).
      FORESIGHT_COMPARE_NEAR(e.forecast[0], (1.0 + origin) / 2.0, 1e-12);
      FORESIGHT_COMPARE_NEAR(s.forecast[0], (origin - 17.0 + origin) / 2.0, 1e-12);
    }
    QCOMPARE(sliding.toJson()["config"]["window"], nlohmann::json("sliding"));
  }
  void resultsDoNotDependOnTheThreadCount() {
    const Panel panel{{noisy(80, "north", 1), noisy(95, "south", 2), noisy(70, "west", 3)}};
    const std::vector<ModelCandidate> models{
        ModelCandidate::fromSpec("naive"), ModelCandidate::fromSpec("snaive"),
        ModelCandidate::fromSpec("drift"), ModelCandidate::fromSpec("mean"),
        scripted("scripted", Script{0.5, 0.1, 4.0})};
    auto c = config(6, 5);
    c.step = 3;
    std::string reference;
    for (int threads : {1, 2, 4, 7}) {
      c.threads = threads;
      const std::string dump = RollingOriginBacktest(c).run(panel, models).toJson().dump();
      if (reference.empty()) reference = dump;
      QVERIFY2(dump == reference, ("threads = " + std::to_string(threads)).c_str());
    }
    const auto r = RollingOriginBacktest(c).run(panel, models);
    QCOMPARE(r.models[2].folds.size(), std::size_t(18));
    QCOMPARE(r.models[2].folds[6].series, std::string("south"));  // series-major order
    QCOMPARE(r.models[2].folds[6].fold.index, 0);
  }
  void aFailingFoldIsRecordedAndTheRestCarryOn() {
    Script s;
    s.failBelow = 20;  // the first fold trains on 18 points
    const auto r = RollingOriginBacktest(config(3, 4)).run(
        linear(30), {scripted("fragile", s), ModelCandidate::fromSpec("naive")});
    const ModelBacktest& fragile = r.models[0];
    QVERIFY(!fragile.folds[0].ok);
    QVERIFY(fragile.folds[0].error.find("needs 20 points, got 18") != std::string::npos);
    QVERIFY(fragile.folds[1].ok && fragile.folds[2].ok);
    QCOMPARE(fragile.failedFolds(), 1);
    QCOMPARE(fragile.summary.get(MetricKey::parse("mae")).count, 2);
    QCOMPARE(r.models[1].failedFolds(), 0);
    const auto j = r.toJson()["models"][0]["folds"][0];
    QCOMPARE(j["ok"], nlohmann::json(false));
    QVERIFY(j["error"].get<std::string>().find("needs 20 points") != std::string::npos);
  }
  // A token set before the run: no fold runs, the run reports cancelled.
  void cancelledBeforeTheRunNoFoldRuns() {
    for (int threads : {1, 2}) {
      Script s;
      auto c = config(10, 3);
      c.threads = threads;
      CancellationToken token;
      token.cancel();
      std::vector<double> progress;
      QVERIFY_THROWS_EXCEPTION(CancelledError,
                               RollingOriginBacktest(c).run(linear(60), {scripted("m", s)},
                                                            [&](double f, std::string_view) { progress.push_back(f); },
                                                            &token));
      QCOMPARE(s.fits->load(), 0);
      QVERIFY(progress.size() <= 1);  // at most the opening 0
    }
  }
  // Cancelled while a fold runs (from inside the fold, so the order of events
  // is fixed, not timed): the fold in flight finishes, no new fold starts
  // once the token is set (the pool checks before every task), and the run
  // throws CancelledError, so no partial result is returned.
  void cancelDuringAFoldStopsAtTheNextCheck() {
    const Panel panel{{noisy(200, "a", 1), noisy(200, "b", 2), noisy(200, "c", 3)}};
    for (int threads : {1, 2}) {
      CancellationToken token;
      std::atomic<int> startedAfterCancel{0};
      Script s;
      s.onFit = [&](int fit) {
        if (token.isCancelled()) ++startedAfterCancel;
        if (fit == 7) token.cancel();
      };
      auto c = config(30, 3);
      c.threads = threads;
      double lastProgress = 0;
      std::mutex mutex;
      QVERIFY_THROWS_EXCEPTION(CancelledError, RollingOriginBacktest(c).run(
                                                   panel, {scripted("m", s), scripted("m2", s)},
                                                   [&](double f, std::string_view) {
                                                     const std::lock_guard lock(mutex);
                                                     lastProgress = f;
                                                   },
                                                   &token));
      if (threads == 1) {
        QCOMPARE(s.fits->load(), 7);  // the cancelling fold was the last
        QCOMPARE(startedAfterCancel.load(), 0);
      } else {
        // The other worker may have passed its check just before the token
        // was set: at most one more fold per other thread.
        QVERIFY2(startedAfterCancel.load() <= threads - 1, qPrintable(QString::number(startedAfterCancel.load())));
        QVERIFY2(s.fits->load() <= 7 + threads - 1, qPrintable(QString::number(s.fits->load())));
      }
      QVERIFY(lastProgress < 1.0);  // 180 tasks, far from all done
    }
  }
  void progressRisesToOne() {
    std::vector<double> seen;
    std::mutex mutex;
    auto c = config(4, 2);
    c.threads = 2;
    RollingOriginBacktest(c).run(linear(30), {ModelCandidate::fromSpec("naive"), ModelCandidate::fromSpec("drift")},
                                 [&](double f, std::string_view) {
                                   const std::lock_guard lock(mutex);
                                   seen.push_back(f);
                                 });
    QCOMPARE(seen.size(), std::size_t(9));  // 0 then 8 tasks
    for (std::size_t i = 1; i < seen.size(); ++i) QVERIFY(seen[i] > seen[i - 1]);
    QCOMPARE(seen.back(), 1.0);
  }
  void badRequestsAreInputErrors() {
    const RollingOriginBacktest bt(config(3, 4));
    try {
      bt.run(Panel{{linear(30, "long"), linear(12, "stub")}}, {ModelCandidate::fromSpec("naive")});
      QFAIL("expected InputError");
    } catch (const InputError& e) {
      QVERIFY(std::string(e.what()).find("stub") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(InputError, bt.run(linear(30), {}));
    QVERIFY_THROWS_EXCEPTION(InputError, bt.run(Panel{}, {ModelCandidate::fromSpec("naive")}));
    QVERIFY_THROWS_EXCEPTION(InputError, ModelCandidate::fromSpec("naive(bogus=1)"));
    QVERIFY_THROWS_EXCEPTION(InputError, ModelCandidate::fromSpec("no_such_model"));
    auto bad = config(0, 4);
    QVERIFY_THROWS_EXCEPTION(InputError, RollingOriginBacktest{bad});
  }
  void missingActualsAreLeftOutOfTheScores() {
    TimeSeries s = linear(30);
    s.values[27] = std::numeric_limits<double>::quiet_NaN();  // in the last fold's window
    const auto r = RollingOriginBacktest(config(3, 4)).run(s, {ModelCandidate::fromSpec("naive")});
    const FoldOutcome& f = r.models[0].folds[2];
    QVERIFY(f.ok);
    QCOMPARE(f.metrics.points, 3);
    FORESIGHT_COMPARE_NEAR(f.metrics.mae, (1.0 + 3.0 + 4.0) / 3.0, 1e-14);
    QCOMPARE(r.toJson()["models"][0]["folds"][2]["actual"][1], nlohmann::json(nullptr));
  }
  void poolRethrowsTheFirstTaskError() {
    std::atomic<int> ran{0};
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, TaskPool::run(100, 2, [&](std::size_t i) {
                               ++ran;
                               if (i == 3) throw std::runtime_error("boom");
                             }));
    QVERIFY(ran < 100);
    QCOMPARE(TaskPool::threadCount(8, 3), 3);
    QCOMPARE(TaskPool::threadCount(1, 100), 1);
    QVERIFY(TaskPool::threadCount(0, 100) >= 1);
  }
};

QTEST_GUILESS_MAIN(RollingOriginBacktestTest)
#include "RollingOriginBacktestTest.moc"
