#include <QtTest/QtTest>

#include "ModelTestData.h"
#include "ReferenceAgreement.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;
using foresight::test::airPassengers;
using foresight::test::m4Weekly;
using foresight::test::makeSeries;

namespace {

// One row of R output: step, mean, lo80, hi80, lo95, hi95.
struct Ref {
  int step;
  double mean, lo80, hi80, lo95, hi95;
};

// Means and bounds against R, relative (the table cleanupTestCase prints):
// naive, snaive and drift agree to 1.6e-15 (the 15 digits R printed), mean
// (Student t intervals) to 1.7e-12; each asserted at the smallest power of
// ten at least three times that (docs/models.md).
constexpr double kBaselineTol = 1e-14;
constexpr double kMeanTol = 1e-11;

foresight::test::ReferenceAgreement& baselineAgreement() {
  static foresight::test::ReferenceAgreement a;
  return a;
}

// Fits `spec` on y and compares forecast(h, {80, 95}) with R at given steps.
void checkAgainstR(const std::string& spec, const TimeSeries& y, int horizon, const std::vector<Ref>& refs) {
  auto model = ModelFactory::create(spec);
  model->fit(y);
  const Forecast f = model->forecast(horizon, {95, 80});
  QCOMPARE(f.levels, (std::vector<double>{80, 95}));
  for (const Ref& r : refs) {
    const auto i = static_cast<Eigen::Index>(r.step - 1);
    const std::pair<double, double> pairs[] = {{f.mean[i], r.mean},      {f.lower(i, 0), r.lo80}, {f.upper(i, 0), r.hi80},
                                               {f.lower(i, 1), r.lo95}, {f.upper(i, 1), r.hi95}};
    for (const auto& [ours, theirs] : pairs)
      QVERIFY2(baselineAgreement().check(spec, ours, theirs, spec.starts_with("mean") ? kMeanTol : kBaselineTol),
               qPrintable(QStringLiteral("%1 step %2: %3, R %4").arg(QString::fromStdString(spec)).arg(r.step)
                              .arg(ours, 0, 'g', 17).arg(theirs, 0, 'g', 17)));
  }
}

bool sameForecast(const Forecast& a, const Forecast& b, double tol) {
  if (a.start != b.start || a.horizon() != b.horizon()) return false;
  for (Eigen::Index i = 0; i < a.horizon(); ++i) {
    if (!test::near(a.mean[i], b.mean[i], tol, tol)) return false;
    for (Eigen::Index j = 0; j < a.lower.cols(); ++j)
      if (!test::near(a.lower(i, j), b.lower(i, j), tol, tol) || !test::near(a.upper(i, j), b.upper(i, j), tol, tol))
        return false;
  }
  return true;
}

bool hasWarning(const Forecaster& m, const std::string& part) {
  for (const auto& w : m.warnings())
    if (w.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

// Reference numbers: R 4 with forecast 8.20, e.g.
//   Rscript -e 'library(forecast); f <- naive(AirPassengers, h=13);
//               cat(sprintf("%.15g", c(f$mean[1], f$lower[1,], f$upper[1,])))'
// W1 is ts(first row of Weekly-train.csv, frequency = 52).
class BaselineModelsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void cleanupTestCase() { baselineAgreement().print("baselines vs R"); }
  void naiveMatchesR() {
    checkAgainstR("naive", airPassengers(), 13,
                  {{1, 432, 388.798373836008, 475.201626163992, 365.928814390699, 498.071185609301},
                   {2, 432, 370.90367436231, 493.09632563769, 338.561233229256, 525.438766770744},
                   {13, 432, 276.2343216823, 587.7656783177, 193.776952454966, 670.223047545034}});
    const TimeSeries w1 = m4Weekly(1);
    if (QTest::currentTestFailed()) return;  // shared data missing, already reported
    QCOMPARE(w1.size(), Eigen::Index(2179));
    checkAgainstR("naive", w1, 13,
                  {{1, 35397.16, 35097.6770940127, 35696.6429059873, 34939.1404200613, 35855.1795799387},
                   {2, 35397.16, 34973.6272126539, 35820.6927873461, 34749.4224982183, 36044.8975017817},
                   {13, 35397.16, 34317.3590263379, 36476.9609736622, 33745.7469193646, 37048.5730806354}});
  }
  void seasonalNaiveMatchesR() {
    checkAgainstR("snaive", airPassengers(), 25,
                  {{1, 417, 370.459500169063, 463.540499830937, 345.822447770672, 488.177552229328},
                   {2, 391, 344.459500169063, 437.540499830937, 319.822447770672, 462.177552229328},
                   {12, 432, 385.459500169063, 478.540499830937, 360.822447770672, 503.177552229328},
                   {13, 417, 351.181793939467, 482.818206060533, 316.339740300765, 517.660259699235},
                   {25, 417, 336.389489683167, 497.610510316833, 293.716863180416, 540.283136819584}});
    const TimeSeries w1 = m4Weekly(1);
    if (QTest::currentTestFailed()) return;
    checkAgainstR("snaive(period=52)", w1, 60,
                  {{1, 40556.73, 37527.5908949267, 43585.8691050733, 35924.0615146062, 45189.3984853938},
                   {2, 40676.26, 37647.1208949267, 43705.3991050733, 36043.5915146062, 45308.9284853938},
                   {52, 35397.16, 32368.0208949267, 38426.2991050733, 30764.4915146062, 40029.8284853938},
                   {53, 40556.73, 36272.8803952907, 44840.5796047093, 34005.1473979777, 47108.3126020223},
                   {60, 39324.7, 35040.8503952907, 43608.5496047093, 32773.1173979777, 45876.2826020223}});
  }
  void driftMatchesR() {
    checkAgainstR("drift", airPassengers(), 13,
                  {{1, 434.237762237762, 390.828922169774, 477.646602305751, 367.849670309708, 500.625854165816},
                   {2, 436.475524475524, 374.873365374318, 498.077683576731, 342.263152180569, 530.68789677048},
                   {13, 461.090909090909, 298.187223350903, 623.994594830916, 211.9512212442, 710.230596937618}});
    const TimeSeries w1 = m4Weekly(1);
    if (QTest::currentTestFailed()) return;
    checkAgainstR("drift", w1, 13,
                  {{1, 35412.9120477502, 35113.9730624218, 35711.8510330787, 34955.7243226744, 35870.0997728261},
                   {2, 35428.6640955005, 35005.803530634, 35851.5246603669, 34781.9546692837, 36075.3735217172},
                   {13, 35601.936620753, 34521.1329627461, 36682.7402787599, 33948.9900667433, 37254.8831747627}});
    // rwf(c(1,4,2), h=3, drift=TRUE): the shortest series with a variance.
    checkAgainstR("drift", makeSeries({1, 4, 2}), 3,
                  {{1, 2.5, -3.04928106010671, 8.04928106010671, -5.98689300557129, 10.9868930055713},
                   {3, 3.5, -8.90856967665071, 15.9085696766507, -15.4772696782249, 22.4772696782249}});
  }
  void meanMatchesR() {
    checkAgainstR("mean", airPassengers(), 13,
                  {{1, 280.298611111111, 125.306628854979, 435.290593367243, 42.340162386053, 518.257059836169},
                   {13, 280.298611111111, 125.306628854979, 435.290593367243, 42.340162386053, 518.257059836169}});
    const TimeSeries w1 = m4Weekly(1);
    if (QTest::currentTestFailed()) return;
    checkAgainstR("mean", w1, 13,
                  {{1, 8784.66142726021, -5111.49232134061, 22680.815175861, -12473.0391096445, 30042.3619641649},
                   {13, 8784.66142726021, -5111.49232134061, 22680.815175861, -12473.0391096445, 30042.3619641649}});
    checkAgainstR("mean", makeSeries({3, 5}), 2,
                  {{1, 4, -1.33070425600584, 9.33070425600584, -18.0077921744269, 26.0077921744269},
                   {2, 4, -1.33070425600584, 9.33070425600584, -18.0077921744269, 26.0077921744269}});
  }
  void movingAverageByHand() {
    // window 2 over 1, 3, 2, 6: one-step errors 2-2 = 0 and 6-2.5 = 3.5,
    // sigma = sqrt((0 + 12.25) / 2); forecast (2 + 6) / 2 = 4.
    auto m = ModelFactory::create("moving_average(window=2)");
    m->fit(makeSeries({1, 3, 2, 6}));
    const Forecast f = m->forecast(3, {95});
    const double sigma = std::sqrt(12.25 / 2);
    for (Eigen::Index i = 0; i < 3; ++i) {
      FORESIGHT_COMPARE_NEAR(f.mean[i], 4.0, 1e-15);
      FORESIGHT_COMPARE_NEAR(f.upper(i, 0), 4.0 + 1.9599639845400536 * sigma, 1e-14);
    }
    QVERIFY(std::isnan(m->fitted()[1]));
    QCOMPARE(m->fitted()[2], 2.0);
    QCOMPARE(m->fitted()[3], 2.5);
    QCOMPARE(m->residuals()[3], 3.5);
    QCOMPARE(m->params()["window"].get<int>(), 2);
  }
  void forecastDatesFollowTheData() {
    auto m = ModelFactory::create("naive");
    m->fit(airPassengers());
    const Forecast f = m->forecast(2, {80});
    QCOMPARE(f.start.toIso(), std::string("1961-01-01"));
    QCOMPARE(f.dateAt(1).toIso(), std::string("1961-02-01"));
    QCOMPARE(m->info().n, 144);
    QCOMPARE(m->info().end.toIso(), std::string("1960-12-01"));
  }
  void updateEqualsRefit_data() {
    QTest::addColumn<QString>("spec");
    QTest::newRow("naive") << QStringLiteral("naive");
    QTest::newRow("snaive") << QStringLiteral("snaive");
    QTest::newRow("drift") << QStringLiteral("drift");
    QTest::newRow("mean") << QStringLiteral("mean");
    QTest::newRow("moving_average") << QStringLiteral("moving_average(window=5)");
  }
  void updateEqualsRefit() {
    QFETCH(QString, spec);
    const TimeSeries all = airPassengers();
    auto full = ModelFactory::create(spec.toStdString());
    full->fit(all);
    auto updated = ModelFactory::create(spec.toStdString());
    updated->fit(all.head(120));
    // Newer data overlapping the last seen 6 months, then 24 new ones, in two calls.
    TimeSeries newer{all.name, all.frequency, all.dateAt(114), all.values.segment(114, 18)};
    updated->update(newer);
    updated->update(TimeSeries{all.name, all.frequency, all.dateAt(132), all.values.tail(12)});
    QCOMPARE(updated->info().n, 144);
    QCOMPARE(updated->info().end, full->info().end);
    QVERIFY(sameForecast(updated->forecast(24, {80, 95}), full->forecast(24, {80, 95}), 1e-12));
  }
  void updateRefusesDataThatDoesNotContinue() {
    const TimeSeries all = airPassengers();
    auto m = ModelFactory::create("naive");
    m->fit(all.head(100));
    auto expectError = [&](const TimeSeries& newer, const std::string& part) {
      try {
        m->update(newer);
        QFAIL(("accepted: " + part).c_str());
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find(part) != std::string::npos, e.what());
      }
    };
    expectError(TimeSeries{all.name, all.frequency, all.dateAt(101), all.values.segment(101, 5)}, "without a gap");
    expectError(TimeSeries{all.name, all.frequency, all.dateAt(98), Eigen::Vector3d(1, 2, 3)}, "differs from the value");
    expectError(TimeSeries{all.name, all.frequency, all.dateAt(100).addDays(3), Eigen::Vector2d(1, 2)},
                "not a period start");
    expectError(TimeSeries{all.name, Frequency::Weekly, all.dateAt(100), Eigen::Vector2d(1, 2)}, "frequency W");
    expectError(TimeSeries{all.name, all.frequency, all.dateAt(100),
                           Eigen::Vector2d(1, std::numeric_limits<double>::infinity())},
                "infinite");
    QCOMPARE(m->info().n, 100);  // nothing was taken from a refused update
    // Missing values in the newer data: leading ones interpolated from the
    // last seen value, trailing ones not observed yet.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    m->update(TimeSeries{all.name, all.frequency, all.dateAt(100), Eigen::Vector4d(nan, 400, nan, nan)});
    QCOMPARE(m->info().n, 102);
    QCOMPARE(m->seenData().values[100], (all.values[99] + 400) / 2);
    QCOMPARE(m->forecast(1, {80}).mean[0], 400.0);
  }
  void degenerateInputsNeverGiveNaN_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<double>("expectedNext");
    const QStringList specs = {QStringLiteral("naive"), QStringLiteral("snaive"), QStringLiteral("drift"),
                               QStringLiteral("mean"), QStringLiteral("moving_average(window=4)")};
    for (const QString& spec : specs) {
      const QByteArray tag = spec.toUtf8();
      QTest::newRow((tag + " constant").constData()) << spec << QVector<double>(30, 5.0) << 5.0;
      QTest::newRow((tag + " zeros").constData()) << spec << QVector<double>(30, 0.0) << 0.0;
      QTest::newRow((tag + " one point").constData()) << spec << QVector<double>{7.0} << 7.0;
    }
    QTest::newRow("naive two points") << QStringLiteral("naive") << QVector<double>{7.0, 9.0} << 9.0;
    QTest::newRow("drift two points") << QStringLiteral("drift") << QVector<double>{7.0, 9.0} << 11.0;
    QTest::newRow("mean two points") << QStringLiteral("mean") << QVector<double>{7.0, 9.0} << 8.0;
    QTest::newRow("ma two points") << QStringLiteral("moving_average(window=4)") << QVector<double>{7.0, 9.0} << 8.0;
  }
  void degenerateInputsNeverGiveNaN() {
    QFETCH(QString, spec);
    QFETCH(QVector<double>, values);
    QFETCH(double, expectedNext);
    auto m = ModelFactory::create(spec.toStdString());
    m->fit(makeSeries(std::vector<double>(values.begin(), values.end())));
    const Forecast f = m->forecast(14, {80, 95});  // forecast() itself refuses non-finite output
    QCOMPARE(f.mean[0], expectedNext);
    for (Eigen::Index i = 0; i < f.horizon(); ++i) {
      QVERIFY(f.lower(i, 1) <= f.lower(i, 0) && f.lower(i, 0) <= f.mean[i]);
      QVERIFY(f.mean[i] <= f.upper(i, 0) && f.upper(i, 0) <= f.upper(i, 1));
    }
    if (values.size() == 1) QVERIFY(!m->warnings().empty());  // says why intervals have zero width
  }
  void seasonalNaiveFallsBackToNaiveOnShortSeries() {
    const TimeSeries y = airPassengers().head(20);  // < 2 seasons of 12
    auto s = ModelFactory::create("snaive");
    s->fit(y);
    QVERIFY(hasWarning(*s, "less than two seasons"));
    auto n = ModelFactory::create("naive");
    n->fit(y);
    QVERIFY(sameForecast(s->forecast(13, {80}), n->forecast(13, {80}), 0));
    QCOMPARE(s->params()["period"].get<int>(), 1);
    auto p1 = ModelFactory::create("snaive(period=1)");
    p1->fit(y);
    QVERIFY(p1->warnings().empty());
    QVERIFY(sameForecast(p1->forecast(13, {80}), n->forecast(13, {80}), 0));
  }
  void missingValuesAreDroppedAtTheEndsAndInterpolatedInside() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    auto m = ModelFactory::create("naive");
    m->fit(makeSeries({nan, nan, 1, nan, nan, 4, 5, nan}));
    QCOMPARE(m->info().n, 5);
    QCOMPARE(m->info().start.toIso(), std::string("2020-03-01"));
    QCOMPARE(m->info().end.toIso(), std::string("2020-07-01"));
    QCOMPARE(m->seenData().values, Eigen::VectorXd((Eigen::VectorXd(5) << 1, 2, 3, 4, 5).finished()));
    QCOMPARE(m->warnings().size(), std::size_t(3));
    QCOMPARE(m->forecast(1, {80}).start.toIso(), std::string("2020-08-01"));
  }
  void unusableInputIsRefusedWithTheSeriesAndDate() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    auto m = ModelFactory::create("mean");
    auto expectError = [&](const TimeSeries& y, const std::string& part) {
      try {
        m->fit(y);
        QFAIL(("accepted: " + part).c_str());
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find(part) != std::string::npos, e.what());
      }
    };
    expectError(makeSeries({nan, nan}, Frequency::Monthly, "north"), "series 'north' has no observed");
    expectError(makeSeries({}, Frequency::Monthly, "north"), "series 'north' has no observed");
    expectError(makeSeries({1, 2, -inf}, Frequency::Monthly, "north"), "series 'north' at 2020-03-01: infinite");
    QVERIFY(!m->isFitted());
  }
  // Dates stop at 9999-12-31 (what YYYY-MM-DD can hold and the readers
  // accept): a forecast that would cross it is refused, never written as
  // 10000-01-01.
  void forecastsStopAtTheEndOfTheCalendar() {
    auto m = ModelFactory::create("naive");
    TimeSeries y{"late", Frequency::Monthly, *Date::fromYmd(9999, 9, 1), Eigen::VectorXd::Constant(3, 5.0)};
    m->fit(y);
    QCOMPARE(m->forecast(1, {80}).dateAt(0).toIso(), std::string("9999-12-01"));
    try {
      (void)m->forecast(2, {80});
      QFAIL("forecast past 9999-12-31");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("9999-12-31") != std::string::npos, e.what());
    }
  }

  // A fit that overflows (values near 1e308) fails at fit time naming the
  // series, instead of writing an artifact whose parameters are null.
  void aFitThatOverflowsFailsNamingTheSeries() {
    auto m = ModelFactory::create("mean");
    try {
      m->fit(makeSeries({1e308, 1.5e308, 1.7e308}, Frequency::Monthly, "huge"));
      QFAIL("fitted a mean of 1e308 values");
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find("series 'huge'") != std::string::npos && msg.find("non-finite") != std::string::npos,
               msg.c_str());
    }
    QVERIFY(!m->isFitted());
  }

  void forecastArgumentsAreChecked() {
    auto m = ModelFactory::create("naive");
    QVERIFY_THROWS_EXCEPTION(Error, (void)m->forecast(3, {80}));  // not fitted
    m->fit(makeSeries({1, 2, 3}));
    QVERIFY_THROWS_EXCEPTION(InputError, (void)m->forecast(0, {80}));
    QVERIFY_THROWS_EXCEPTION(InputError, (void)m->forecast(Forecaster::kMaxHorizon + 1, {80}));
    QVERIFY_THROWS_EXCEPTION(InputError, (void)m->forecast(3, {100}));
    QVERIFY_THROWS_EXCEPTION(InputError, (void)m->forecast(3, {0}));
    QVERIFY_THROWS_EXCEPTION(InputError, (void)m->forecast(3, {std::nan("")}));
    const Forecast f = m->forecast(3, {95, 80, 95});
    QCOMPARE(f.levels, (std::vector<double>{80, 95}));
    QCOMPARE(m->forecast(2, {}).lower.cols(), Eigen::Index(0));
  }
};

QTEST_GUILESS_MAIN(BaselineModelsTest)
#include "BaselineModelsTest.moc"
