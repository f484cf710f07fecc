// DriftTests: a clear level or volatility change is flagged with a small
// p-value, windows from one distribution are not, known values are exact.
#include <QtTest/QtTest>
#include <random>

#include "TestSupport.h"
#include "pipeline/DriftTests.h"

using foresight::pipeline::DriftTests;

namespace {

Eigen::VectorXd normal(int n, double mean, double sd, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> d(mean, sd);
  Eigen::VectorXd v(n);
  for (int i = 0; i < n; ++i) v[i] = d(rng);
  return v;
}

}  // namespace

class DriftTestsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void welchMatchesAHandComputedValue() {
    // Means 2 and 5, variances 1 and 1, n = 3 each: t = 3 / sqrt(2/3) = 3.674, df = 4.
    Eigen::VectorXd a(3), b(3);
    a << 1, 2, 3;
    b << 4, 5, 6;
    const auto t = DriftTests::levelShift(a, b, 0.05);
    FORESIGHT_COMPARE_NEAR(t.statistic, 3.0 / std::sqrt(2.0 / 3.0), 1e-12);
    FORESIGHT_COMPARE_NEAR(t.df, 4.0, 1e-12);
    // R: 2 * pt(-3.674235, 4) = 0.02131
    FORESIGHT_COMPARE_NEAR(t.pValue, 0.021312, 1e-3);
    QVERIFY(t.alert);
  }

  void flagsALevelShiftOnly() {
    const auto before = normal(200, 100, 10, 1), after = normal(50, 115, 10, 2);
    const auto level = DriftTests::levelShift(before, after, 0.01);
    const auto vol = DriftTests::volatilityShift(before, after, 0.01);
    QVERIFY2(level.alert, level.reason.c_str());
    QVERIFY2(!vol.alert, vol.reason.c_str());
    QVERIFY(level.reason.find("p = ") != std::string::npos);
  }

  void flagsAVolatilityShiftOnly() {
    const auto before = normal(200, 100, 5, 3), after = normal(50, 100, 20, 4);
    QVERIFY(DriftTests::volatilityShift(before, after, 0.01).alert);
    QVERIFY(!DriftTests::levelShift(before, after, 0.01).alert);
  }

  void quietOnOneDistribution() {
    const auto before = normal(300, 50, 8, 5), after = normal(60, 50, 8, 6);
    QVERIFY(!DriftTests::levelShift(before, after, 0.01).alert);
    QVERIFY(!DriftTests::volatilityShift(before, after, 0.01).alert);
  }

  void tooFewValuesIsNotAnAlert() {
    Eigen::VectorXd a(2), b(10);
    a << 1, std::nan("");
    b.setLinSpaced(10, 0, 9);
    const auto t = DriftTests::levelShift(a, b, 0.05);
    QVERIFY(!t.alert);
    QVERIFY(t.reason.find("at least 3") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(DriftTestsTest)
#include "DriftTestsTest.moc"
