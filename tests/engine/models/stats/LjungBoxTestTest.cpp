// The Ljung-Box test against R 4.2's Box.test on five series (white noise,
// an AR(1), lh, the differenced log AirPassengers, residuals with gaps that
// checkresiduals interpolates), checkresiduals' default lag, the chi-squared
// upper tail against pchisq(lower.tail = FALSE), and the settings it refuses.
// Numbers from ljung_box_reference.json (bench/r/ljung_box_reference.R).
#include <QtTest/QtTest>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/stats/LjungBoxTest.h"

using namespace foresight;
using nlohmann::json;

namespace {

const json& reference() {
  static const json j = [] {
    std::ifstream in(test::sourceDir() / "tests/engine/models/stats/ljung_box_reference.json");
    return json::parse(in);
  }();
  return j;
}

Eigen::VectorXd seriesNamed(const std::string& name) {
  const json& values = reference().at("series").at(name);
  Eigen::VectorXd x(static_cast<Eigen::Index>(values.size()));
  for (std::size_t i = 0; i < values.size(); ++i)
    x[static_cast<Eigen::Index>(i)] =
        values[i].is_null() ? std::numeric_limits<double>::quiet_NaN() : values[i].get<double>();
  return x;
}

}  // namespace

class LjungBoxTestTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void matchesBoxTest_data() {
    QTest::addColumn<int>("index");
    const json& cases = reference().at("cases");
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const json& c = cases[i];
      const std::string tag = c.at("series").get<std::string>() + " lag " + std::to_string(c.at("lag").get<int>()) +
                              " fitdf " + std::to_string(c.at("fitdf").get<int>());
      QTest::newRow(tag.c_str()) << static_cast<int>(i);
    }
  }
  void matchesBoxTest() {
    QFETCH(int, index);
    const json& c = reference().at("cases").at(static_cast<std::size_t>(index));
    const auto r = stats::ljungBoxTest(seriesNamed(c.at("series")), c.at("lag"), c.at("fitdf"));
    QCOMPARE(r.n, c.at("n").get<int>());
    QCOMPARE(r.df, c.at("df").get<int>());
    QCOMPARE(r.lag, c.at("lag").get<int>());
    FORESIGHT_COMPARE_NEAR(r.statistic, c.at("statistic").get<double>(), 1e-9);
    FORESIGHT_COMPARE_NEAR(r.pValue, c.at("p_value").get<double>(), 1e-8);
  }

  void referenceSpansVerdicts() {
    // The cases must include both clearly autocorrelated and clean residuals,
    // or the comparison above would not exercise both tails.
    double smallest = 1, largest = 0;
    for (const json& c : reference().at("cases")) {
      smallest = std::min(smallest, c.at("p_value").get<double>());
      largest = std::max(largest, c.at("p_value").get<double>());
    }
    QVERIFY(smallest < 1e-6);
    QVERIFY(largest > 0.3);
  }

  void defaultLagIsCheckresiduals() {
    for (const json& d : reference().at("default_lags")) {
      const int got = stats::ljungBoxDefaultLag(d.at("n").get<Eigen::Index>(), d.at("period"), d.at("fitdf"));
      QCOMPARE(got, d.at("lag").get<int>());
    }
  }

  void chiSquaredUpperTailMatchesPchisq() {
    for (const json& t : reference().at("chi_squared_upper")) {
      const double want = t.at("upper");
      const double got = stats::chiSquaredUpperTail(t.at("x"), t.at("df"));
      if (!test::near(got, want, 1e-10, 1e-300))
        QFAIL(qPrintable(QStringLiteral("chi2 upper(x=%1, df=%2) = %3, R has %4")
                             .arg(t.at("x").get<double>()).arg(t.at("df").get<double>())
                             .arg(got, 0, 'g', 15).arg(want, 0, 'g', 15)));
    }
    QCOMPARE(stats::chiSquaredUpperTail(0.0, 3.0), 1.0);
    QVERIFY(std::isnan(stats::chiSquaredUpperTail(1.0, 0.0)));
  }

  void constantResidualsGiveNaN() {
    // R: Box.test(rep(1, 30), lag = 5) has statistic and p-value NaN.
    const auto r = stats::ljungBoxTest(Eigen::VectorXd::Constant(30, 1.0), 5);
    QVERIFY(std::isnan(r.statistic));
    QVERIFY(std::isnan(r.pValue));
  }

  void refusesBadSettings_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("lag");
    QTest::addColumn<int>("fitdf");
    QTest::addColumn<QString>("field");
    QTest::newRow("lag zero") << 30 << 0 << 0 << QStringLiteral("lag");
    QTest::newRow("negative fitdf") << 30 << 5 << -1 << QStringLiteral("fitdf");
    QTest::newRow("no degrees of freedom") << 30 << 4 << 4 << QStringLiteral("fitdf");
    QTest::newRow("lag beyond residuals") << 10 << 10 << 0 << QStringLiteral("lag");
    QTest::newRow("only missing residuals") << 0 << 1 << 0 << QStringLiteral("lag");
  }
  void refusesBadSettings() {
    QFETCH(int, n);
    QFETCH(int, lag);
    QFETCH(int, fitdf);
    QFETCH(QString, field);
    Eigen::VectorXd x = n > 0 ? Eigen::VectorXd(Eigen::VectorXd::LinSpaced(n, 0.0, 1.0).array().sin())
                              : Eigen::VectorXd::Constant(5, std::numeric_limits<double>::quiet_NaN());
    try {
      stats::ljungBoxTest(x, lag, fitdf);
      QFAIL("expected an InputError");
    } catch (const InputError& e) {
      QCOMPARE(QString::fromStdString(e.where().field), field);
      QVERIFY(QString::fromStdString(e.what()).contains(QStringLiteral("Ljung-Box")));
    }
  }

  void refusesInfiniteResidual() {
    Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(30, 0.0, 3.0);
    x[12] = std::numeric_limits<double>::infinity();
    try {
      stats::ljungBoxTest(x, 5);
      QFAIL("expected an InputError");
    } catch (const InputError& e) {
      QCOMPARE(e.where().field, std::string("residual"));
      QCOMPARE(e.where().value, std::string("12"));
    }
  }
};

QTEST_GUILESS_MAIN(LjungBoxTestTest)
#include "LjungBoxTestTest.moc"
