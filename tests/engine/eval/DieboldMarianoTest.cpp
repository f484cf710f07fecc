#include <QtTest/QtTest>

#include <cmath>
#include <limits>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/eval/DieboldMariano.h"

using namespace foresight;

namespace {
Eigen::VectorXd vec(std::initializer_list<double> v) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double x : v) out[i++] = x;
  return out;
}

// The error vectors of tests/engine/eval/reference/dm.R.
const Eigen::VectorXd kE1 = vec({1.2, -0.8, 2.1, 0.4, -1.7, 0.9, 1.5, -0.3, 2.4, -1.1, 0.6, 1.9,
                                 -2.2, 0.7, 1.1, -0.5, 1.8, -1.4, 0.2, 2.6, -0.9, 1.3, -1.6, 0.8});
const Eigen::VectorXd kE2 = vec({0.9, -0.5, 1.2, 0.6, -1.1, 0.3, 1.0, -0.6, 1.5, -0.7, 0.8, 1.1,
                                 -1.3, 0.2, 0.9, -0.8, 1.0, -0.9, 0.5, 1.4, -0.4, 0.7, -1.2, 0.6});
const Eigen::VectorXd kE3 = vec({1.0, -0.9, 1.8, 0.7, -1.5, 1.1, 1.2, -0.6, 2.0, -1.4, 0.9, 1.5,
                                 -2.0, 0.9, 1.3, -0.2, 1.6, -1.7, 0.4, 2.2, -1.0, 1.0, -1.8, 0.5});

DmLoss lossOf(int power) { return power == 2 ? DmLoss::Squared : DmLoss::Absolute; }
}  // namespace

class DieboldMarianoTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // Statistic and p-value pinned against R 4.2, forecast 8.20:
  //   dm.test(e1, e2, alternative=ALT, h=H, power=P)
  void matchesRDmTest_data() {
    QTest::addColumn<int>("pair");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("power");
    QTest::addColumn<QString>("alternative");
    QTest::addColumn<double>("statistic");
    QTest::addColumn<double>("pValue");
    QTest::addColumn<int>("hUsed");
    QTest::newRow("e1e2 h1 sq two") << 2 << 1 << 2 << QStringLiteral("two.sided") << 4.2532540816269631 << 0.00029952547293216487 << 1;
    QTest::newRow("e1e2 h1 abs less") << 2 << 1 << 1 << QStringLiteral("less") << 4.704621869382037 << 0.99995140385204928 << 1;
    QTest::newRow("e1e2 h2 abs greater") << 2 << 2 << 1 << QStringLiteral("greater") << 8.2825116963394638 << 1.1763299755314076e-08 << 2;
    QTest::newRow("e1e2 h4 abs greater") << 2 << 4 << 1 << QStringLiteral("greater") << 9.9961348059269337 << 3.8502932354360859e-10 << 4;
    QTest::newRow("e1e2 h4 sq less") << 2 << 4 << 2 << QStringLiteral("less") << 9.6558064902544256 << 0.99999999926290051 << 4;
    QTest::newRow("e1e2 h5 sq two") << 2 << 5 << 2 << QStringLiteral("two.sided") << 9.7614276183099022 << 1.2032723412874334e-09 << 5;
    // Negative long-run variance: R warns and proceeds with h = 1.
    QTest::newRow("e1e2 h3 sq greater fallback") << 2 << 3 << 2 << QStringLiteral("greater") << 4.2532540816269631 << 0.00014976273646608243 << 1;
    QTest::newRow("e1e2 h6 abs two fallback") << 2 << 6 << 1 << QStringLiteral("two.sided") << 4.704621869382037 << 9.7192295901472691e-05 << 1;
    QTest::newRow("e1e3 h1 abs two") << 3 << 1 << 1 << QStringLiteral("two.sided") << 0.59484969012865252 << 0.55775137388615503 << 1;
    QTest::newRow("e1e3 h1 sq greater") << 3 << 1 << 2 << QStringLiteral("greater") << 1.4943183849342838 << 0.074343227283718893 << 1;
    QTest::newRow("e1e3 h2 sq greater") << 3 << 2 << 2 << QStringLiteral("greater") << 3.3222791361382522 << 0.0014833167341263892 << 2;
    QTest::newRow("e1e3 h2 abs two") << 3 << 2 << 1 << QStringLiteral("two.sided") << 7.1133676975114382 << 3.0262451446594796e-07 << 2;
    QTest::newRow("e1e3 h4 sq two fallback") << 3 << 4 << 2 << QStringLiteral("two.sided") << 1.4943183849342838 << 0.14868645456743779 << 1;
    QTest::newRow("e1e3 h5 sq two") << 3 << 5 << 2 << QStringLiteral("two.sided") << 2.201011975934366 << 0.038040260621500385 << 5;
    QTest::newRow("e1e3 h5 abs greater") << 3 << 5 << 1 << QStringLiteral("greater") << 0.6832499299893614 << 0.25063717114688477 << 5;
  }
  void matchesRDmTest() {
    QFETCH(int, pair);
    QFETCH(int, h);
    QFETCH(int, power);
    QFETCH(QString, alternative);
    QFETCH(double, statistic);
    QFETCH(double, pValue);
    QFETCH(int, hUsed);
    const auto r = DieboldMariano::test(kE1, pair == 2 ? kE2 : kE3, h, lossOf(power),
                                        parseDmAlternative(alternative.toStdString()));
    QVERIFY2(r.defined, r.note.c_str());
    FORESIGHT_COMPARE_NEAR(r.statistic, statistic, 1e-12);
    FORESIGHT_COMPARE_NEAR(r.pValue, pValue, 1e-9);
    QCOMPARE(r.hUsed, hUsed);
    QCOMPARE(r.n, 24);
    QCOMPARE(r.note.empty(), hUsed == h);
  }
  void alternatingLossesFallBackToH1() {
    // R: a <- c(3,-1,3,-1,...) (10 values), b <- rep(1,10); dm.test(a, b, h=2)
    Eigen::VectorXd a(10), b = Eigen::VectorXd::Ones(10);
    for (Eigen::Index i = 0; i < 10; ++i) a[i] = i % 2 == 0 ? 3.0 : -1.0;
    const auto r = DieboldMariano::test(a, b, 2, DmLoss::Squared, DmAlternative::TwoSided);
    QVERIFY(r.defined);
    QCOMPARE(r.hUsed, 1);
    FORESIGHT_COMPARE_NEAR(r.statistic, 2.9999999999999996, 1e-13);
    FORESIGHT_COMPARE_NEAR(r.pValue, 0.01495636391041422, 1e-10);
  }
  void identicalErrorsAreUndefinedNotAnError() {
    const auto r = DieboldMariano::test(kE1, kE1, 1, DmLoss::Squared, DmAlternative::Greater);
    QVERIFY(!r.defined);
    QVERIFY(std::isnan(r.pValue));
    QVERIFY(r.note.find("zero variance") != std::string::npos);
    QCOMPARE(r.toJson()["p_value"], nlohmann::json(nullptr));
  }
  void tooFewErrorsAreUndefined() {
    const auto r = DieboldMariano::test(vec({1, 2}), vec({0.5, 1}), 3, DmLoss::Squared, DmAlternative::TwoSided);
    QVERIFY(!r.defined);
    QVERIFY(!r.note.empty());
    const auto one = DieboldMariano::test(vec({1}), vec({0.5}), 1, DmLoss::Squared, DmAlternative::TwoSided);
    QVERIFY(!one.defined);
  }
  void missingErrorsAreLeftOutInPairs() {
    Eigen::VectorXd e1 = kE1, e2 = kE2;
    e1[24 - 1] = std::numeric_limits<double>::quiet_NaN();
    const auto r = DieboldMariano::test(e1, e2, 1, DmLoss::Squared, DmAlternative::TwoSided);
    const auto ref = DieboldMariano::test(kE1.head(23), kE2.head(23), 1, DmLoss::Squared, DmAlternative::TwoSided);
    QCOMPARE(r.n, 23);
    QCOMPARE(r.statistic, ref.statistic);
  }
  void namesParse() {
    QVERIFY(parseDmLoss("absolute") == DmLoss::Absolute);
    QVERIFY_THROWS_EXCEPTION(InputError, parseDmLoss("mse"));
    QVERIFY_THROWS_EXCEPTION(InputError, parseDmAlternative("two-sided"));
    QCOMPARE(std::string(dmAlternativeName(DmAlternative::TwoSided)), std::string("two.sided"));
  }
};

QTEST_GUILESS_MAIN(DieboldMarianoTest)
#include "DieboldMarianoTest.moc"
