#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/models/Distributions.h"

using namespace foresight;

// Reference values from R 4 (printed with sprintf("%.17g")):
//   qnorm(c(0.975, 0.9, 1e-10, 0.5000001, 1-1e-15, 1e-300))
//   qt(c(0.975, 0.975, 0.9, 0.975, 0.995, 0.999, 1e-10, 0.975, 0.6),
//      c(1, 2, 3, 5, 7.5, 30, 4, 143, 1000))
//   pt(c(-2.5, 1.2, -40), c(3, 10, 2.5))
// Each is asserted at the smallest power of ten at least three times the
// difference measured:
// a few units in the last place (<= 7e-16 relative) for most, 5.7e-15 for
// qt(0.975, 143), 3.4e-13 for qt(0.6, 1000), and 1.9e-11 relative (5e-18
// absolute) for qnorm(0.5000001), a quantile next to 0 (docs/models.md).
class DistributionsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void normalQuantileMatchesR() {
    FORESIGHT_COMPARE_NEAR(normalQuantile(0.975), 1.9599639845400536, 1e-15);
    FORESIGHT_COMPARE_NEAR(normalQuantile(0.9), 1.2815515655446008, 1e-15);
    FORESIGHT_COMPARE_NEAR(normalQuantile(1e-10), -6.3613409024040557, 1e-15);
    FORESIGHT_COMPARE_NEAR(normalQuantile(0.5000001), 2.5066282733116488e-07, 1e-10);
    FORESIGHT_COMPARE_NEAR(normalQuantile(1 - 1e-15), 7.9414444874159766, 1e-15);
    FORESIGHT_COMPARE_NEAR(normalQuantile(1e-300), -37.047096299361201, 1e-15);
    QCOMPARE(normalQuantile(0.5), 0.0);
    QVERIFY(std::isnan(normalQuantile(0.0)));
    QVERIFY(std::isnan(normalQuantile(1.0)));
    QVERIFY(std::isnan(normalQuantile(std::nan(""))));
  }
  void normalQuantileInvertsTheCdf() {
    for (double p = 0.001; p < 1; p += 0.001) FORESIGHT_COMPARE_NEAR(normalCdf(normalQuantile(p)), p, 1e-13);
  }
  void studentQuantileMatchesR() {
    FORESIGHT_COMPARE_NEAR(studentTQuantile(0.975, 1), 12.706204736174694, 1e-15);
    FORESIGHT_COMPARE_NEAR(studentTQuantile(0.975, 2), 4.3026527297494619, 1e-15);
    FORESIGHT_COMPARE_NEAR(studentTQuantile(0.9, 3), 1.6377443536962091, 1e-15);
    FORESIGHT_COMPARE_NEAR(studentTQuantile(0.975, 5), 2.5705818356363137, 1e-14);
    FORESIGHT_COMPARE_NEAR(studentTQuantile(0.995, 7.5), 3.4214226881240428, 1e-15);
    FORESIGHT_COMPARE_NEAR(studentTQuantile(0.999, 30), 3.3851848668293054, 1e-15);
    FORESIGHT_COMPARE_NEAR(studentTQuantile(1e-10, 4), -416.17514032960423, 1e-14);
    FORESIGHT_COMPARE_NEAR(studentTQuantile(0.975, 143), 1.9766921979297909, 1e-13);
    FORESIGHT_COMPARE_NEAR(studentTQuantile(0.6, 1000), 0.25341451583949876, 1e-12);
    QCOMPARE(studentTQuantile(0.5, 3), 0.0);
    QVERIFY(std::isnan(studentTQuantile(0.9, 0)));
    QVERIFY(std::isnan(studentTQuantile(1.0, 3)));
  }
  void studentCdfMatchesR() {
    FORESIGHT_COMPARE_NEAR(studentTCdf(-2.5, 3), 0.043853323504032753, 1e-15);
    FORESIGHT_COMPARE_NEAR(studentTCdf(1.2, 10), 0.87110184963784709, 1e-15);
    FORESIGHT_COMPARE_NEAR(studentTCdf(-40, 2.5), 7.0978171452466926e-05, 1e-14);
  }
  void studentQuantileInvertsTheCdfAcrossDegreesOfFreedom() {
    for (double df : {0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 10.0, 57.0, 1e4}) {
      for (double p : {1e-8, 0.001, 0.025, 0.1, 0.3, 0.5001, 0.7, 0.9, 0.975, 0.999}) {
        const double t = studentTQuantile(p, df);
        QVERIFY(std::isfinite(t));
        FORESIGHT_COMPARE_NEAR(studentTCdf(t, df), p, 1e-10);
      }
    }
  }
};

QTEST_GUILESS_MAIN(DistributionsTest)
#include "DistributionsTest.moc"
