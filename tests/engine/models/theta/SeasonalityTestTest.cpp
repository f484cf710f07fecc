// SeasonalityTest against the M4 organisers' SeasonalityTest() and thetaf's
// test in R, and on inputs the test cannot judge.
#include <QtTest/QtTest>

#include <cmath>

#include "../ModelTestData.h"
#include "TestSupport.h"
#include "ThetaReference.h"
#include "engine/models/decomposition/Autocorrelation.h"
#include "engine/models/decomposition/SeasonalityTest.h"

using foresight::SeasonalityRule;
using foresight::SeasonalityTest;
namespace ref = foresight::test::thetaref;

namespace {

Eigen::VectorXd vec(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace

class SeasonalityTestTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void verdictsMatchR_data() {
    QTest::addColumn<int>("which");
    QTest::newRow("AirPassengers") << 0;
    QTest::newRow("UKgas") << 1;
    QTest::newRow("AirPassengers, 30 months") << 2;
    QTest::newRow("noise with a faint season") << 3;
    QTest::newRow("30 months with a year-end peak") << 4;
  }
  void verdictsMatchR() {
    QFETCH(int, which);
    struct Case {
      Eigen::VectorXd y;
      int period;
      bool m4, thetaf;
      double acf;
    };
    const Eigen::VectorXd ap = vec(ref::kAirPassengers);
    const Case cases[] = {
        {ap, 12, ref::kAirPassengersSeasonalM4, ref::kAirPassengersSeasonalThetaf, ref::kAirPassengersAcfAtPeriod},
        {vec(ref::kUKgas), 4, ref::kUKgasSeasonalM4, ref::kUKgasSeasonalThetaf, ref::kUKgasAcfAtPeriod},
        {ap.head(30), 12, ref::kAirPassengers30SeasonalM4, ref::kAirPassengers30SeasonalThetaf,
         ref::kAirPassengers30AcfAtPeriod},
        {vec(ref::kNoise4), 4, ref::kNoise4SeasonalM4, ref::kNoise4SeasonalThetaf, ref::kNoise4AcfAtPeriod},
        {vec(ref::kPeak30), 12, ref::kPeak30SeasonalM4, ref::kPeak30SeasonalThetaf, ref::kPeak30AcfAtPeriod},
    };
    const Case& c = cases[which];
    const auto m4 = SeasonalityTest::run(c.y, c.period, SeasonalityRule::M4);
    const auto th = SeasonalityTest::run(c.y, c.period, SeasonalityRule::Thetaf);
    QCOMPARE(m4.seasonal, c.m4);
    QCOMPARE(th.seasonal, c.thetaf);
    QVERIFY(th.tested);
    FORESIGHT_COMPARE_NEAR(th.acf, c.acf, 1e-12);
    QVERIFY(!th.reason.empty());
  }
  void boundaryCasesOfTheTwoRules() {
    // Peak30: 30 months, tested by thetaf (n > 24) but too short for M4 (n < 36).
    const auto m4 = SeasonalityTest::run(vec(ref::kPeak30), 12, SeasonalityRule::M4);
    QVERIFY(!m4.tested);
    QVERIFY(m4.reason.find("fewer than the 36") != std::string::npos);
    // 24 observations at period 12: M4 no, thetaf no (needs more than 2m).
    const Eigen::VectorXd ap = vec(ref::kAirPassengers);
    QVERIFY(!SeasonalityTest::run(ap.head(24), 12, SeasonalityRule::Thetaf).tested);
    QVERIFY(SeasonalityTest::run(ap.head(25), 12, SeasonalityRule::Thetaf).tested);
    QVERIFY(!SeasonalityTest::run(ap.head(35), 12, SeasonalityRule::M4).tested);
    QVERIFY(SeasonalityTest::run(ap.head(36), 12, SeasonalityRule::M4).tested);
  }
  void weeklyPeriod52IsBeyondM4Lags() {
    const struct {
      int row;
      bool m4, thetaf;
    } cases[] = {{1, ref::kW1Period52SeasonalM4, ref::kW1Period52SeasonalThetaf},
                 {100, ref::kW100Period52SeasonalM4, ref::kW100Period52SeasonalThetaf}};
    for (const auto& c : cases) {
      const foresight::TimeSeries w = foresight::test::m4Weekly(c.row);
      if (w.empty()) return;
      QVERIFY(w.size() > 2000);
      const auto m4 = SeasonalityTest::run(w.values, 52, SeasonalityRule::M4);
      QCOMPARE(m4.seasonal, c.m4);
      QCOMPARE(SeasonalityTest::run(w.values, 52, SeasonalityRule::Thetaf).seasonal, c.thetaf);
      QVERIFY(m4.reason.find("beyond") != std::string::npos);
    }
  }
  void untestableInputsAreNotSeasonal() {
    for (SeasonalityRule rule : {SeasonalityRule::M4, SeasonalityRule::Thetaf}) {
      QVERIFY(!SeasonalityTest::run(Eigen::VectorXd::Constant(100, 3.5), 12, rule).seasonal);
      QVERIFY(!SeasonalityTest::run(Eigen::VectorXd::Zero(100), 4, rule).seasonal);
      QVERIFY(!SeasonalityTest::run(Eigen::VectorXd(), 12, rule).seasonal);
      QVERIFY(!SeasonalityTest::run(Eigen::VectorXd::Constant(1, 2.0), 12, rule).seasonal);
      QVERIFY(!SeasonalityTest::run(vec(ref::kAirPassengers), 1, rule).seasonal);
      QVERIFY(!SeasonalityTest::run(vec(ref::kAirPassengers), 0, rule).seasonal);
      QVERIFY(!SeasonalityTest::run(vec(ref::kAirPassengers), -3, rule).seasonal);
    }
    QVERIFY(SeasonalityTest::run(Eigen::VectorXd::Constant(100, 3.5), 12, SeasonalityRule::Thetaf).reason ==
            "the series is constant");
  }
  void isConstantFollowsAllEqual() {
    Eigen::VectorXd y = Eigen::VectorXd::Constant(50, 1000.0);
    QVERIFY(SeasonalityTest::isConstant(y));
    y[7] = 1000.0 * (1 + 1e-9);  // within all.equal's tolerance
    QVERIFY(SeasonalityTest::isConstant(y));
    y[7] = 1000.0 * (1 + 1e-6);
    QVERIFY(!SeasonalityTest::isConstant(y));
    QVERIFY(SeasonalityTest::isConstant(Eigen::VectorXd::Zero(5)));
    QVERIFY(SeasonalityTest::isConstant(Eigen::VectorXd()));
    Eigen::VectorXd tiny = Eigen::VectorXd::Zero(5);
    tiny[2] = 1e-9;  // absolute comparison below the tolerance
    QVERIFY(SeasonalityTest::isConstant(tiny));
  }
  void autocorrelationIsRsAcf() {
    const Eigen::VectorXd r = foresight::autocorrelation(vec(ref::kAirPassengers), 12);
    QCOMPARE(r.size(), Eigen::Index(13));
    QCOMPARE(r[0], 1.0);
    FORESIGHT_COMPARE_NEAR(r[12], ref::kAirPassengersAcfAtPeriod, 1e-13);
    QCOMPARE(foresight::autocorrelation(Eigen::VectorXd::LinSpaced(3, 1, 3), 10).size(), Eigen::Index(3));
    QVERIFY(std::isnan(foresight::autocorrelation(Eigen::VectorXd::Constant(4, 1.0), 2)[1]));
    QCOMPARE(foresight::defaultAcfMaxLag(144), 21);
    QCOMPARE(foresight::defaultAcfMaxLag(10), 9);  // n - 1 caps floor(10 log10 10) = 10
    QCOMPARE(foresight::defaultAcfMaxLag(1), 0);
  }
};

QTEST_GUILESS_MAIN(SeasonalityTestTest)
#include "SeasonalityTestTest.moc"
