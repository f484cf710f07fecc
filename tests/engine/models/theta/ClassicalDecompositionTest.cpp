// ClassicalDecomposition against R's decompose() and on degenerate input.
#include <QtTest/QtTest>

#include <cmath>

#include "../ModelTestData.h"
#include "../ReferenceAgreement.h"
#include "TestSupport.h"
#include "ThetaReference.h"
#include "engine/common/Errors.h"
#include "engine/models/decomposition/ClassicalDecomposition.h"

using foresight::ClassicalDecomposition;
using foresight::DecompositionType;
namespace ref = foresight::test::thetaref;

namespace {

Eigen::VectorXd vec(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// Against R (the table cleanupTestCase prints), relative: seasonal indices
// 5.6e-16, additive effects 1.1e-16 of the largest, the trend exact; each
// asserted at the smallest power of ten at least three times that
// (docs/models.md).
constexpr double kFigureTol = 1e-14;
constexpr double kTrendTol = 1e-15;

foresight::test::ReferenceAgreement& agreement() {
  static foresight::test::ReferenceAgreement a;
  return a;
}

void near(const char* quantity, double got, double want, double tol, double scale = 0) {
  QVERIFY2(agreement().check(quantity, got, want, tol, scale),
           qPrintable(QStringLiteral("%1 = %2, R %3").arg(QLatin1String(quantity)).arg(got, 0, 'g', 17).arg(want, 0, 'g', 17)));
}

void compareFigure(const ClassicalDecomposition& d, const std::vector<double>& expected) {
  QCOMPARE(d.figure().size(), static_cast<Eigen::Index>(expected.size()));
  for (Eigen::Index k = 0; k < d.figure().size(); ++k) near("seasonal indices", d.figure()[k], expected[static_cast<std::size_t>(k)], kFigureTol);
}

}  // namespace

class ClassicalDecompositionTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void cleanupTestCase() { agreement().print("decompose() vs R"); }
  void multiplicativeMonthlyMatchesR() {
    const ClassicalDecomposition d(vec(ref::kAirPassengers), 12, DecompositionType::Multiplicative);
    compareFigure(d, ref::kAirPassengersFigure);
    QCOMPARE(d.trend().size(), static_cast<Eigen::Index>(ref::kAirPassengersTrend.size()));
    for (Eigen::Index t = 0; t < d.trend().size(); ++t) {
      const double e = ref::kAirPassengersTrend[static_cast<std::size_t>(t)];
      if (std::isnan(e))
        QVERIFY(std::isnan(d.trend()[t]));
      else
        near("trend", d.trend()[t], e, kTrendTol);
    }
    QCOMPARE(d.figure().mean(), 1.0);
  }
  void quarterlyOddAndLongPeriodsMatchR() {
    compareFigure(ClassicalDecomposition(vec(ref::kUKgas), 4, DecompositionType::Multiplicative),
                  ref::kUKgasFigure);
    compareFigure(ClassicalDecomposition(vec(ref::kAirPassengers), 7, DecompositionType::Multiplicative),
                  ref::kAirPassengersPeriod7Figure);
    const foresight::TimeSeries w1 = foresight::test::m4Weekly(1);
    if (w1.empty()) return;
    compareFigure(ClassicalDecomposition(w1.values, 52, DecompositionType::Multiplicative), ref::kW1Period52Figure);
  }
  void additiveMatchesR() {
    const ClassicalDecomposition d(vec(ref::kAirPassengers), 12, DecompositionType::Additive);
    // Additive effects cross zero: relative to the largest effect.
    const double scale = vec(ref::kAirPassengersAdditiveFigure).cwiseAbs().maxCoeff();
    for (Eigen::Index k = 0; k < 12; ++k)
      near("additive effects", d.figure()[k], ref::kAirPassengersAdditiveFigure[static_cast<std::size_t>(k)], kFigureTol,
           scale);
    QVERIFY(std::fabs(d.figure().sum()) < 1e-9);
  }
  void componentsRebuildTheData() {
    const Eigen::VectorXd y = vec(ref::kUKgas);
    const ClassicalDecomposition d(y, 4, DecompositionType::Multiplicative);
    const Eigen::VectorXd s = d.seasonal(), a = d.adjusted(), r = d.remainder();
    for (Eigen::Index t = 0; t < y.size(); ++t) {
      FORESIGHT_COMPARE_NEAR(a[t] * s[t], y[t], 1e-14);
      if (!std::isnan(d.trend()[t])) FORESIGHT_COMPARE_NEAR(d.trend()[t] * s[t] * r[t], y[t], 1e-13);
    }
    // The cycle continues past the data: position n has the index of n - 4.
    QCOMPARE(d.indexAt(y.size()), s[y.size() - 4]);
    const Eigen::VectorXd future = d.indices(y.size(), 6);
    QCOMPARE(future[5], d.indexAt(y.size() + 5));
  }
  void constantDataHaveUnitIndices() {
    const ClassicalDecomposition d(Eigen::VectorXd::Constant(30, 5.0), 12, DecompositionType::Multiplicative);
    for (Eigen::Index k = 0; k < 12; ++k) QCOMPARE(d.figure()[k], 1.0);
    QVERIFY(d.isUsable());
  }
  void zeroTrendLeavesIndicesUndefinedNotInfinite() {
    // Zeros everywhere: every ratio is 0/0, none is used, the figure is NaN
    // and the decomposition says it is unusable (no crash, no Inf).
    const ClassicalDecomposition zeros(Eigen::VectorXd::Zero(24), 12, DecompositionType::Multiplicative);
    QVERIFY(!zeros.isUsable());
    // A zero stretch one period long: the trend at its centre is exactly 0,
    // and that 0/0 ratio is skipped as R skips it (NA).
    Eigen::VectorXd y = Eigen::VectorXd::LinSpaced(48, 10, 20);
    y.segment(18, 13).setZero();
    const ClassicalDecomposition gap(y, 12, DecompositionType::Multiplicative);
    QCOMPARE(gap.trend()[24], 0.0);
    compareFigure(gap, ref::kZeroStretchFigure);
    QVERIFY(gap.isUsable());
  }
  void refusesWhatRRefuses() {
    const Eigen::VectorXd y = vec(ref::kAirPassengers);
    QVERIFY_THROWS_EXCEPTION(foresight::InputError,
                             ClassicalDecomposition(y.head(23), 12, DecompositionType::Multiplicative));
    QVERIFY_THROWS_EXCEPTION(foresight::InputError, ClassicalDecomposition(y, 1, DecompositionType::Additive));
    Eigen::VectorXd bad = y;
    bad[5] = std::numeric_limits<double>::infinity();
    QVERIFY_THROWS_EXCEPTION(foresight::InputError, ClassicalDecomposition(bad, 12, DecompositionType::Additive));
    // Exactly two periods is enough.
    const ClassicalDecomposition two(y.head(24), 12, DecompositionType::Multiplicative);
    QVERIFY(two.isUsable());
  }
};

QTEST_GUILESS_MAIN(ClassicalDecompositionTest)
#include "ClassicalDecompositionTest.moc"
