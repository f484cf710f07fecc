// The pieces of calendar_regression on their own: US holiday rules, the
// events file, Prophet's changepoint placement, Fourier columns, the MAP
// solver (checked against its optimality conditions) and the interval
// simulation.
#include <QtTest/QtTest>

#include <cmath>
#include <fstream>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/Distributions.h"
#include "engine/models/regression/ChangepointTrend.h"
#include "engine/models/regression/EventCalendar.h"
#include "engine/models/regression/FourierSeasonality.h"
#include "engine/models/regression/HolidayFeatures.h"
#include "engine/models/regression/PenalizedRegression.h"
#include "engine/models/regression/TrendUncertainty.h"
#include "engine/models/regression/UsHolidays.h"

using foresight::ChangepointTrend;
using foresight::CoefficientPrior;
using foresight::Date;
using foresight::EventCalendar;
using foresight::FourierSeasonality;
using foresight::Frequency;
using foresight::HolidayFeatures;
using foresight::InputError;
using foresight::PenalizedRegression;
using foresight::TrendUncertainty;
using foresight::TrendUncertaintySettings;
using foresight::UsHolidays;

namespace {
Date d(int y, int m, int day) { return *Date::fromYmd(y, m, day); }

Date holiday(int year, const std::string& name) {
  for (const auto& h : UsHolidays::ofYear(year))
    if (h.name == name) return h.date;
  return Date{};
}

std::filesystem::path writeFile(const std::string& name, const std::string& text) {
  const auto path = foresight::test::makeTempDir("events") / name;
  std::ofstream(path) << text;
  return path;
}

QString errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}
}  // namespace

class CalendarRegressionPartsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void usHolidaysFollowTheRules_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<Date>("y2016");
    QTest::addColumn<Date>("y2024");
    QTest::newRow("new year") << QStringLiteral("New Year's Day") << d(2016, 1, 1) << d(2024, 1, 1);
    QTest::newRow("mlk") << QStringLiteral("Martin Luther King Jr. Day") << d(2016, 1, 18) << d(2024, 1, 15);
    QTest::newRow("presidents") << QStringLiteral("Presidents' Day") << d(2016, 2, 15) << d(2024, 2, 19);
    QTest::newRow("memorial") << QStringLiteral("Memorial Day") << d(2016, 5, 30) << d(2024, 5, 27);
    QTest::newRow("independence") << QStringLiteral("Independence Day") << d(2016, 7, 4) << d(2024, 7, 4);
    QTest::newRow("labor") << QStringLiteral("Labor Day") << d(2016, 9, 5) << d(2024, 9, 2);
    QTest::newRow("columbus") << QStringLiteral("Columbus Day") << d(2016, 10, 10) << d(2024, 10, 14);
    QTest::newRow("veterans") << QStringLiteral("Veterans Day") << d(2016, 11, 11) << d(2024, 11, 11);
    QTest::newRow("thanksgiving") << QStringLiteral("Thanksgiving") << d(2016, 11, 24) << d(2024, 11, 28);
    QTest::newRow("black friday") << QStringLiteral("Black Friday") << d(2016, 11, 25) << d(2024, 11, 29);
    QTest::newRow("christmas eve") << QStringLiteral("Christmas Eve") << d(2016, 12, 24) << d(2024, 12, 24);
    QTest::newRow("christmas") << QStringLiteral("Christmas Day") << d(2016, 12, 25) << d(2024, 12, 25);
    QTest::newRow("new year's eve") << QStringLiteral("New Year's Eve") << d(2016, 12, 31) << d(2024, 12, 31);
  }
  void usHolidaysFollowTheRules() {
    QFETCH(QString, name);
    QFETCH(Date, y2016);
    QFETCH(Date, y2024);
    QCOMPARE(holiday(2016, name.toStdString()), y2016);
    QCOMPARE(holiday(2024, name.toStdString()), y2024);
  }
  void usHolidaysOfARangeAreSortedAndBounded() {
    const auto list = UsHolidays::between(d(2015, 11, 26), d(2016, 1, 18));
    QCOMPARE(list.size(), std::size_t{7});  // Thanksgiving 2015 .. MLK 2016
    QCOMPARE(list.front().name, std::string("Thanksgiving"));
    QCOMPARE(list.back().date, d(2016, 1, 18));
    for (std::size_t i = 1; i < list.size(); ++i) QVERIFY(list[i - 1].date < list[i].date);
    QCOMPARE(UsHolidays::ofYear(1985).size(), std::size_t{12});  // no MLK Day yet
    QCOMPARE(UsHolidays::names().size(), std::size_t{13});
  }

  void eventsFileWithAndWithoutHeader() {
    const auto a = EventCalendar::readCsv(writeFile("a.csv", "name,date,note\nPromo,2016-03-01,x\n\"Sale, big\",2016-04-01,y\nPromo,2017-03-01,z\n"));
    QCOMPARE(a.userEvents().size(), std::size_t{2});
    QCOMPARE(a.userEvents().at("Promo"), (std::vector<Date>{d(2016, 3, 1), d(2017, 3, 1)}));
    QCOMPARE(a.userEvents().at("Sale, big"), (std::vector<Date>{d(2016, 4, 1)}));
    const auto b = EventCalendar::readCsv(writeFile("b.csv", "2016-03-01,Promo\r\n2016-03-01,Promo\r\n"));
    QCOMPARE(b.userEvents().at("Promo").size(), std::size_t{1});
    QVERIFY(!b.usHolidays());
  }
  void badEventsFilesNameFileLineAndColumn_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad date") << QStringLiteral("date,name\n2016-03-01,a\n2016-02-30,b\n")
                              << QStringLiteral("bad.csv:3: field 'date': value '2016-02-30': not a date in the form YYYY-MM-DD");
    QTest::newRow("no name") << QStringLiteral("2016-03-01,a\n2016-03-02,  \n")
                             << QStringLiteral("bad.csv:2: field 'name': the event has no name");
    QTest::newRow("ragged") << QStringLiteral("date,name\n2016-03-01,a,extra\n") << QStringLiteral("bad.csv:2");
    QTest::newRow("one column") << QStringLiteral("date\n2016-03-01\n") << QStringLiteral("expected two columns");
    QTest::newRow("bad header") << QStringLiteral("day,what\n2016-03-01,a\n")
                                << QStringLiteral("bad.csv:1: value 'day': the header must name a date column");
    QTest::newRow("header only") << QStringLiteral("date,name\n") << QStringLiteral("the file holds no events");
    QTest::newRow("empty") << QString() << QStringLiteral("bad.csv");
  }
  void badEventsFilesNameFileLineAndColumn() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto path = writeFile("bad.csv", text.toStdString());
    const QString message = errorOf([&] { (void)EventCalendar::readCsv(path); });
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(QString::fromStdString(path.string())), qPrintable(message));
  }
  void missingEventsFileIsAnInputError() {
    QVERIFY(errorOf([] { (void)EventCalendar::readCsv("/nonexistent/events.csv"); }).contains(QStringLiteral("/nonexistent/events.csv")));
  }
  void calendarRoundTripsThroughJson() {
    EventCalendar c;
    c.setUsHolidays(true);
    c.add("Launch", d(2016, 5, 2));
    c.add("Launch", d(2015, 5, 4));
    const auto back = EventCalendar::fromJson(c.toJson());
    QCOMPARE(back.toJson(), c.toJson());
    QVERIFY(errorOf([] { (void)EventCalendar::fromJson({{"us_holidays", true}, {"events", {{"x", {"2016-13-01"}}}}}); })
                .contains(QStringLiteral("events.x")));
  }

  void holidayFeaturesCoverTheWindow() {
    EventCalendar c;
    c.setUsHolidays(true);
    const Date start = d(2016, 11, 1);
    const auto f = HolidayFeatures::plan(c, Frequency::Daily, start, 40, 1);
    // Veterans Day, Thanksgiving, Black Friday with offsets -1..1 fall inside;
    // Christmas Eve + 1 does not (10 December is the last day).
    QCOMPARE(f.columns(), 9);
    const Eigen::MatrixXd x = f.matrix(c, Frequency::Daily, start, 0, 40);
    QCOMPARE(x.sum(), 9.0);
    // Black Friday (25 November) at offset 0: row 24.
    for (int j = 0; j < f.columns(); ++j)
      if (f.features()[static_cast<std::size_t>(j)].name == "Black Friday" && f.features()[static_cast<std::size_t>(j)].offset == 0)
        QCOMPARE(x(24, j), 1.0);
    // Weekly data: the week holding the day, no offsets.
    // Five weeks from Monday 31 October: Veterans Day, Thanksgiving, Black Friday.
    const auto w = HolidayFeatures::plan(c, Frequency::Weekly, d(2016, 10, 31), 5, 3);
    QCOMPARE(w.columns(), 3);
    QCOMPARE(w.features().front().name, std::string("Black Friday"));
    QCOMPARE(w.matrix(c, Frequency::Weekly, d(2016, 10, 31), 0, 5).col(0), Eigen::VectorXd::Unit(5, 3));
    // Weeks counted from a Wednesday start: 23-29 November is week 3.
    const auto wed = HolidayFeatures::plan(c, Frequency::Weekly, d(2016, 11, 2), 5, 0);
    QCOMPARE(wed.matrix(c, Frequency::Weekly, d(2016, 11, 2), 0, 5).col(0), Eigen::VectorXd::Unit(5, 3));
    QCOMPARE(HolidayFeatures::plan(c, Frequency::Monthly, d(2016, 1, 1), 24, 0).columns(), 0);
  }

  void changepointsArePlacedAsProphetPlacesThem() {
    // np.linspace(0, 728, 26).round()[1:] for 912 observations and range 0.8.
    const auto t = ChangepointTrend::place(912, 25, 0.8);
    QCOMPARE(t.changepoints().size(), std::size_t{25});
    QCOMPARE(t.changepoints().front(), Eigen::Index{29});
    QCOMPARE(t.changepoints()[1], Eigen::Index{58});
    QCOMPARE(t.changepoints()[12], Eigen::Index{379});  // 378.56
    QCOMPARE(t.changepoints().back(), Eigen::Index{728});
    QCOMPARE(t.timeScale(), 911.0);
    QCOMPARE(ChangepointTrend::place(10, 25, 0.8).changepoints().size(), std::size_t{7});
    QVERIFY(ChangepointTrend::place(2, 25, 0.8).changepoints().empty());
    const Eigen::MatrixXd x = t.features(900, 2);
    QCOMPARE(x(0, 0), 1.0);
    FORESIGHT_COMPARE_NEAR(x(1, 1), 901.0 / 911, 1e-15);
    FORESIGHT_COMPARE_NEAR(x(1, 2), (901.0 - 29) / 911, 1e-15);
  }

  void fourierColumnsAreSinAndCosPerOrder() {
    const FourierSeasonality s("weekly", 7, 3);
    const Eigen::MatrixXd x = s.features(3, 2);
    QCOMPARE(x.cols(), 6);
    FORESIGHT_COMPARE_NEAR(x(0, 0), std::sin(2 * M_PI * 3 / 7), 1e-14);
    FORESIGHT_COMPARE_NEAR(x(1, 5), std::cos(2 * M_PI * 3 * 4 / 7), 1e-14);
    QCOMPARE(FourierSeasonality::maxOrder(7), 3);
    QCOMPARE(FourierSeasonality::maxOrder(12), 5);
    QVERIFY(errorOf([] { (void)FourierSeasonality("monthly", 12, 6); }).contains(QStringLiteral("between 1 and 5")));
  }

  void solverMeetsTheOptimalityConditions() {
    // A trend with two slope changes among 20 candidates, plus noise: at the
    // optimum the gradient of the smooth part balances the L1 penalty.
    const Eigen::Index n = 300;
    const auto trend = ChangepointTrend::place(n, 20, 0.9);
    const Eigen::MatrixXd x = trend.features(0, n);
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      const double s = static_cast<double>(i) / (n - 1);
      y[i] = 0.2 + 0.3 * s + 1.5 * std::max(0.0, s - 0.4) - 2.5 * std::max(0.0, s - 0.7) + 0.02 * std::sin(7.3 * s * s * 1e4);
    }
    std::vector<CoefficientPrior> priors(2, {CoefficientPrior::Gaussian, 5});
    priors.resize(static_cast<std::size_t>(x.cols()), {CoefficientPrior::Laplace, 0.05});
    const auto fit = PenalizedRegression::fit(x, y, priors);
    const Eigen::VectorXd& b = fit.coefficients();
    const double s2 = fit.sigma() * fit.sigma();
    // d/db of ||y - Xb||^2 / (2 s2) + Gaussian terms; Laplace: |b| / scale.
    Eigen::VectorXd g = -x.transpose() * (y - x * b) / s2;
    g.head(2) += b.head(2) / 25.0;
    int active = 0;
    for (Eigen::Index j = 2; j < b.size(); ++j) {
      if (std::fabs(b[j]) > 1e-4) {
        ++active;
        QVERIFY2(std::fabs(g[j] + (b[j] > 0 ? 1 : -1) / 0.05) < 1e-3 / 0.05, "active coefficient off its condition");
      } else {
        QVERIFY2(std::fabs(g[j]) <= 1 / 0.05 * (1 + 1e-3), "inactive coefficient with too large a gradient");
      }
    }
    QVERIFY(std::fabs(g[0]) < 1e-3 && std::fabs(g[1]) < 1e-3);
    QVERIFY(active >= 2 && active <= 6);
    // sigma is the posterior's: the root of 4 s^4 + n s^2 - ssr = 0.
    const double ssr = (y - x * b).squaredNorm();
    FORESIGHT_COMPARE_NEAR(4 * s2 * s2 + n * s2, ssr, 1e-9);
  }

  void simulatedIntervalsAreSeededAndNested() {
    TrendUncertaintySettings s;
    s.samples = 2000;
    s.seed = 7;
    s.changepointRate = 0.05;
    s.laplaceScale = 0.01;
    s.sigma = 1;
    const std::vector<double> p = {0.025, 0.1, 0.5, 0.9, 0.975};
    const Eigen::MatrixXd a = TrendUncertainty::deviationQuantiles(60, p, s);
    QVERIFY(a == TrendUncertainty::deviationQuantiles(60, p, s));
    // A shorter horizon is the start of a longer one.
    QVERIFY(TrendUncertainty::deviationQuantiles(10, p, s) == a.topRows(10));
    s.seed = 8;
    QVERIFY(TrendUncertainty::deviationQuantiles(60, p, s) != a);
    for (Eigen::Index h = 0; h < a.rows(); ++h)
      for (Eigen::Index j = 1; j < a.cols(); ++j) QVERIFY(a(h, j - 1) <= a(h, j));
    // Trend changes widen the band with the horizon.
    QVERIFY(a(59, 4) - a(59, 0) > 1.2 * (a(0, 4) - a(0, 0)));
  }
  void withoutTrendChangesTheBandIsTheNoise() {
    TrendUncertaintySettings s;
    s.samples = 20000;
    s.sigma = 2;
    const Eigen::MatrixXd a = TrendUncertainty::deviationQuantiles(3, {0.1, 0.9}, s);
    // Within four standard errors of a sample quantile (0.024 here).
    for (Eigen::Index h = 0; h < 3; ++h) {
      QVERIFY(std::fabs(a(h, 1) - 2 * foresight::normalQuantile(0.9)) < 0.1);
      QVERIFY(std::fabs(a(h, 0) + 2 * foresight::normalQuantile(0.9)) < 0.1);
    }
    s.sigma = 0;
    QVERIFY(TrendUncertainty::deviationQuantiles(5, {0.1, 0.9}, s).isZero());
  }
};

QTEST_GUILESS_MAIN(CalendarRegressionPartsTest)
#include "CalendarRegressionPartsTest.moc"
