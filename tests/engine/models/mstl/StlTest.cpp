// STL against R's stats::stl(): periodic and given seasonal windows, local
// linear seasons, robust fits, explicit trend windows and jumps, on R's data
// sets and Adventure Works daily revenue (weekly and yearly periods).
#include <QtTest/QtTest>

#include "MstlReference.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/decomposition/Stl.h"

using foresight::InputError;
using foresight::Stl;
using foresight::StlOptions;
using foresight::test::maxRelativeError;
using foresight::test::vectorOf;

namespace {
// Tolerances of the largest difference from R (each case prints its own):
// components 9.0e-15 of the data's scale, robustness weights 5.7e-13 of
// their largest; asserted at the smallest power of ten at least three times
// that (docs/models.md).
constexpr double kComponentTol = 1e-13;
constexpr double kWeightTol = 1e-11;

// R's stl() arguments as written in the reference case.
StlOptions optionsOf(const nlohmann::json& c) {
  StlOptions o;
  o.period = c.at("period").get<int>();
  const auto& a = c.at("args");
  if (a.at("s.window").is_string()) o.periodic = true;
  else o.seasonalWindow = a.at("s.window").get<int>();
  if (a.contains("s.degree")) o.seasonalDegree = a.at("s.degree").get<int>();
  if (a.contains("t.window")) o.trendWindow = a.at("t.window").get<int>();
  if (a.contains("s.jump")) o.seasonalJump = a.at("s.jump").get<int>();
  if (a.contains("t.jump")) o.trendJump = a.at("t.jump").get<int>();
  if (a.contains("l.jump")) o.lowPassJump = a.at("l.jump").get<int>();
  if (a.contains("robust")) o.robust = a.at("robust").get<bool>();
  return o;
}
}  // namespace

class StlTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void matchesR_data() {
    QTest::addColumn<QString>("name");
    for (const auto& c : foresight::test::mstlReference().at("stl")) {
      const auto name = c.at("name").get<std::string>();
      QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
  }
  void matchesR() {
    QFETCH(QString, name);
    const auto& c = foresight::test::referenceCase("stl", name.toStdString());
    const Eigen::VectorXd x = vectorOf(c.at("x"));
    const Stl fit(x, optionsOf(c));
    QCOMPARE(fit.seasonalWindow(), c.at("windows").at("s").get<int>());
    QCOMPARE(fit.trendWindow(), c.at("windows").at("t").get<int>());
    QCOMPARE(fit.lowPassWindow(), c.at("windows").at("l").get<int>());
    // Relative to the component's own scale: the Fortran's sums in another order.
    const double scale = x.cwiseAbs().maxCoeff();
    const double seasonal = (fit.seasonal() - vectorOf(c.at("seasonal"))).cwiseAbs().maxCoeff() / scale;
    const double trend = maxRelativeError(fit.trend(), vectorOf(c.at("trend")));
    const double remainder = (fit.remainder() - vectorOf(c.at("remainder"))).cwiseAbs().maxCoeff() / scale;
    const double weights = maxRelativeError(fit.weights(), vectorOf(c.at("weights")));
    qInfo("differences from R: seasonal %.3g, trend %.3g, remainder %.3g (of the data's scale), weights %.3g",
          seasonal, trend, remainder, weights);
    QVERIFY2(seasonal <= kComponentTol, "seasonal");
    QVERIFY2(trend <= kComponentTol, "trend");
    QVERIFY2(remainder <= kComponentTol, "remainder");
    QVERIFY2(weights <= kWeightTol, "weights");
  }

  void componentsAddUpToTheData() {
    const auto& c = foresight::test::referenceCase("stl", "co2 s.window 21");
    const Eigen::VectorXd x = vectorOf(c.at("x"));
    const Stl fit(x, optionsOf(c));
    QVERIFY((fit.seasonal() + fit.trend() + fit.remainder() - x).cwiseAbs().maxCoeff() < 1e-12 * x.cwiseAbs().maxCoeff());
  }

  void periodicSeasonRepeatsExactly() {
    const auto& c = foresight::test::referenceCase("stl", "nottem periodic");
    const Stl fit(vectorOf(c.at("x")), optionsOf(c));
    for (Eigen::Index i = 12; i < fit.seasonal().size(); ++i) QCOMPARE(fit.seasonal()[i], fit.seasonal()[i - 12]);
  }

  void robustFitDownweightsAnOutlier() {
    Eigen::VectorXd x(60);
    // Trend, season and a little irregular noise (all-zero residuals would
    // make every robustness weight 0, in R too).
    for (Eigen::Index i = 0; i < x.size(); ++i) {
      const double t = static_cast<double>(i);
      x[i] = 10 + 0.1 * t + (i % 4 == 1 ? 2.0 : -0.5) + 0.3 * std::sin(1.7 * t * t);
    }
    x[30] += 50;
    StlOptions o;
    o.period = 4;
    o.seasonalWindow = 7;
    o.robust = true;
    const Stl fit(x, o);
    QVERIFY(fit.weights()[30] < 0.01);
    QVERIFY(fit.weights()[10] > 0.5);
    QVERIFY(std::fabs(fit.remainder()[30] - 50) < 5);
  }

  void constantSeriesHasNoSeason() {
    StlOptions o;
    o.period = 7;
    o.periodic = true;
    const Stl fit(Eigen::VectorXd::Constant(30, 5.0), o);
    QVERIFY(fit.seasonal().cwiseAbs().maxCoeff() < 1e-12);
    QVERIFY((fit.trend().array() - 5.0).abs().maxCoeff() < 1e-12);
  }

  void refusesWhatRRefuses_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("period");
    QTest::addColumn<int>("sDegree");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two periods only") << 24 << 12 << 0 << QStringLiteral("not more than two periods");
    QTest::newRow("period 1") << 24 << 1 << 0 << QStringLiteral("at least 2");
    QTest::newRow("degree 2") << 40 << 12 << 2 << QStringLiteral("a degree must be 0 or 1");
  }
  void refusesWhatRRefuses() {
    QFETCH(int, n);
    QFETCH(int, period);
    QFETCH(int, sDegree);
    QFETCH(QString, expected);
    StlOptions o;
    o.period = period;
    o.seasonalWindow = 7;
    o.seasonalDegree = sDegree;
    try {
      const Stl fit(Eigen::VectorXd::LinSpaced(n, 1, n), o);
      QFAIL("accepted");
    } catch (const InputError& e) {
      QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
    }
  }
};

QTEST_GUILESS_MAIN(StlTest)
#include "StlTest.moc"
