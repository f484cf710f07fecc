#include <QtTest/QtTest>

#include <cmath>
#include <limits>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/eval/MetricKey.h"
#include "engine/eval/MetricSummary.h"
#include "engine/eval/Metrics.h"
#include "engine/eval/NaiveScale.h"

using namespace foresight;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::VectorXd vec(std::initializer_list<double> v) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double x : v) out[i++] = x;
  return out;
}

// Points scored with one interval level (80) and a scale from `train` at period m.
ScoredPoints points(const Eigen::VectorXd& actual, const Eigen::VectorXd& forecast,
                    const Eigen::VectorXd& lo, const Eigen::VectorXd& hi,
                    const Eigen::VectorXd& train, int m) {
  const NaiveScale s = NaiveScale::of(train, m);
  ScoredPoints p = ScoredPoints::withSize(actual.size(), {80.0});
  p.actual = actual;
  p.forecast = forecast;
  p.scaleAbs.setConstant(s.meanAbs);
  p.scaleSq.setConstant(s.meanSq);
  p.lower.col(0) = lo;
  p.upper.col(0) = hi;
  return p;
}

const Eigen::VectorXd kTrain = vec({5, 7, 6, 8, 9, 7, 10, 11});
const Eigen::VectorXd kActual = vec({12, 10, 13, 9});
const Eigen::VectorXd kForecast = vec({11, 11.5, 12, 10});
const Eigen::VectorXd kLower = vec({10, 10.5, 12.5, 9.5});
const Eigen::VectorXd kUpper = vec({12.5, 13, 13.5, 11});
}  // namespace

class MetricsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // Expected values computed in R 4.2 by tests/engine/eval/reference/metrics.R:
  //   e <- y - f; mean(abs(e)); sqrt(mean(e^2)); 100*mean(abs(e/y));
  //   mean(200*abs(e)/(abs(y)+abs(f))); mean(abs(e))/mean(abs(diff(train, lag=m))) ...
  void pointMetricsMatchR() {
    const MetricValues m = Metrics::compute(points(kActual, kForecast, kLower, kUpper, kTrain, 1));
    QCOMPARE(m.points, 4);
    FORESIGHT_COMPARE_NEAR(m.mae, 1.125, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.rmse, 1.14564392373896, 1e-13);
    FORESIGHT_COMPARE_NEAR(m.mape, 10.534188034188034, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.smape, 10.293864083869938, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.bias, -0.125, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.mase, 0.65625, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.rmsse, 0.61871843353822908, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.r2, 0.475, 1e-14);
    QVERIFY(m.notes.empty());
  }
  void seasonalScaleUsesLagM() {
    const MetricValues m = Metrics::compute(points(kActual, kForecast, kLower, kUpper, kTrain, 2));
    FORESIGHT_COMPARE_NEAR(m.mase, 0.61363636363636365, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.rmsse, 0.52110625033473845, 1e-14);
  }
  void maseMatchesForecastAccuracyOnSnaive() {
    // R: accuracy(snaive(ts(train, frequency=2), h=4), ts(y, start=c(5,1), frequency=2))
    const MetricValues m =
        Metrics::compute(points(kActual, vec({10, 11, 10, 11}), kLower, kUpper, kTrain, 2));
    FORESIGHT_COMPARE_NEAR(m.mase, 1.0909090909090911, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.mape, 17.991452991452991, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.rmse, 2.1213203435596424, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.bias, 0.5, 1e-14);
  }
  void intervalScoresMatchHandComputation() {
    // 80%: alpha = 0.2. Inside: 12 in [10,12.5], 13 in [12.5,13.5]; outside:
    // 10 < 10.5 (Winkler 2.5 + 10*0.5 = 7.5), 9 < 9.5 (1.5 + 10*0.5 = 6.5).
    // Winkler = (2.5 + 7.5 + 1 + 6.5) / 4 = 4.375.
    const MetricValues m = Metrics::compute(points(kActual, kForecast, kLower, kUpper, kTrain, 1));
    QCOMPARE(m.intervals.size(), std::size_t(1));
    QCOMPARE(m.intervals[0].level, 80.0);
    FORESIGHT_COMPARE_NEAR(m.intervals[0].coverage, 0.5, 1e-15);
    FORESIGHT_COMPARE_NEAR(m.intervals[0].winkler, 4.375, 1e-14);
    FORESIGHT_COMPARE_NEAR(m.intervals[0].pinball, 0.21875, 1e-14);
    // The mean pinball loss of the two bounds is alpha/4 times the Winkler score.
    FORESIGHT_COMPARE_NEAR(m.intervals[0].pinball, 0.2 / 4 * m.intervals[0].winkler, 1e-14);
    QCOMPARE(m.value(MetricKey::parse("coverage80")), 0.5);
    QVERIFY(std::isnan(m.value(MetricKey::parse("coverage95"))));
  }
  void mapeIsUndefinedNotInfiniteWithAZeroActual() {
    const MetricValues m =
        Metrics::compute(points(vec({0, 2}), vec({1, 2}), vec({0, 1}), vec({2, 3}), kTrain, 1));
    QVERIFY(std::isnan(m.mape));
    QVERIFY(!m.notes.empty());
    QVERIFY(m.notes[0].find("MAPE undefined") != std::string::npos);
    FORESIGHT_COMPARE_NEAR(m.smape, 100.0, 1e-15);  // (200 + 0) / 2
    QCOMPARE(m.toJson()["mape"], nlohmann::json(nullptr));
    // Both zero is a perfect forecast for sMAPE, not 0/0.
    const MetricValues z = Metrics::compute(points(vec({0}), vec({0}), vec({0}), vec({0}), kTrain, 1));
    QCOMPARE(z.smape, 0.0);
  }
  void scaledMetricsAreUndefinedWithoutAnInSampleScale() {
    const Eigen::VectorXd flat = vec({3, 3, 3, 3});
    const MetricValues m = Metrics::compute(points(kActual, kForecast, kLower, kUpper, flat, 1));
    QVERIFY(std::isnan(m.mase));
    QVERIFY(std::isnan(m.rmsse));
    // Too short for the period: no pair 5 apart.
    const MetricValues s = Metrics::compute(points(kActual, kForecast, kLower, kUpper, vec({1, 2, 3}), 5));
    QVERIFY(std::isnan(s.mase));
    QVERIFY(std::isfinite(s.mae));
    QCOMPARE(NaiveScale::of(vec({1, 2, 3}), 5).terms, 0);
  }
  void missingActualsAreLeftOut() {
    const MetricValues m = Metrics::compute(
        points(vec({12, kNaN, 13, 9}), kForecast, kLower, kUpper, kTrain, 1));
    QCOMPARE(m.points, 3);
    FORESIGHT_COMPARE_NEAR(m.mae, (1.0 + 1.0 + 1.0) / 3.0, 1e-15);
    QVERIFY(m.notes[0].find("1 missing") != std::string::npos);
    // A missing pair in the training data is skipped by the scale.
    const NaiveScale s = NaiveScale::of(vec({1, 2, kNaN, 4, 6}), 1);
    QCOMPARE(s.terms, 2);
    FORESIGHT_COMPARE_NEAR(s.meanAbs, 1.5, 1e-15);
    FORESIGHT_COMPARE_NEAR(s.meanSq, 2.5, 1e-15);
  }
  void r2IsUndefinedForConstantActuals() {
    const MetricValues m = Metrics::compute(points(vec({5, 5}), vec({4, 6}), vec({3, 5}), vec({5, 7}), kTrain, 1));
    QVERIFY(std::isnan(m.r2));
    FORESIGHT_COMPARE_NEAR(m.mae, 1.0, 1e-15);
  }
  void summarySpreadOverFolds() {
    MetricValues a, b, c, d;
    a.mase = 1;
    b.mase = 2;
    c.mase = 4;
    d.mase = kNaN;
    d.notes.push_back("MASE and RMSSE undefined: test");
    const MetricSummary s = MetricSummary::of({&a, &b, &c, &d}, {80.0});
    const Spread sp = s.get(MetricKey::parse("mase"));
    QCOMPARE(sp.count, 3);
    FORESIGHT_COMPARE_NEAR(sp.mean, 7.0 / 3.0, 1e-15);
    FORESIGHT_COMPARE_NEAR(sp.std, std::sqrt(7.0 / 3.0), 1e-14);
    QCOMPARE(sp.min, 1.0);
    QCOMPARE(sp.max, 4.0);
    QCOMPARE(s.folds(), 4);
    QCOMPARE(s.notes().size(), std::size_t(1));
    QVERIFY(s.notes()[0].find("in 1 of 4 folds") != std::string::npos);
    QVERIFY(std::isnan(Spread::of({2.0}).std));
    QCOMPARE(s.toJson()["metrics"]["mape"]["mean"], nlohmann::json(nullptr));
  }
  void metricNamesParse() {
    QVERIFY(MetricKey::parse("mase").metric == Metric::MASE);
    QVERIFY(MetricKey::parse("rmsse").metric == Metric::RMSSE);
    QVERIFY(MetricKey::parse("rmse").metric == Metric::RMSE);
    const MetricKey w = MetricKey::parse("winkler99.5");
    QVERIFY(w.metric == Metric::Winkler);
    QCOMPARE(w.level, 99.5);
    QCOMPARE(w.name(), std::string("winkler99.5"));
    QCOMPARE(MetricKey::parse("coverage80").label(), std::string("coverage 80%"));
    for (const char* bad : {"coverage", "coverage100", "mase2", "MASE", "", "pinball-5", "foo"})
      QVERIFY_THROWS_EXCEPTION(InputError, MetricKey::parse(bad));
    // Better is smaller badness: R2 higher, bias nearer 0, coverage nearer nominal.
    QVERIFY(MetricKey::parse("r2").badness(0.9) < MetricKey::parse("r2").badness(0.5));
    QVERIFY(MetricKey::parse("bias").badness(-0.1) < MetricKey::parse("bias").badness(0.5));
    const MetricKey cov = MetricKey::parse("coverage80");
    QVERIFY(cov.badness(0.78) < cov.badness(0.95));
    QCOMPARE(MetricKey::all({80, 95}).size(), std::size_t(14));
  }
};

QTEST_GUILESS_MAIN(MetricsTest)
#include "MetricsTest.moc"
