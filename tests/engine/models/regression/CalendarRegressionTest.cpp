// calendar_regression on series whose trend, seasons and holiday effects are
// known: what it recovers, its intervals, update, model files, fallbacks.
#include <QtTest/QtTest>

#include <cmath>
#include <fstream>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/regression/CalendarRegressionForecaster.h"

using foresight::CalendarRegressionForecaster;
using foresight::Date;
using foresight::Forecast;
using foresight::Forecaster;
using foresight::Frequency;
using foresight::InputError;
using foresight::ModelArtifact;
using foresight::ModelFactory;
using foresight::TimeSeries;

namespace {
const Date kStart = *Date::fromYmd(2019, 1, 7);  // a Monday
constexpr double kWeek[7] = {-6, -4, -2, 0, 4, 10, -2};  // Monday .. Sunday, sums to 0

// Deterministic noise in [-1, 1].
double noise(Eigen::Index i) {
  const double x = std::sin(static_cast<double>(i) * 12.9898) * 43758.5453;
  return 2 * (x - std::floor(x)) - 1;
}

bool isBlackFriday(Date d) {
  // The day after the fourth Thursday of November.
  return d.month() == 11 && d.isoWeekday() == 5 && d.day() >= 23 && d.day() <= 29;
}

// 100 + 0.05 t, slope 0.25 from day 400; weekly pattern; yearly wave of
// amplitude 8; +80 on Black Friday; noise of sd ~0.6 (x `noiseScale`).
TimeSeries synthetic(Eigen::Index n, double noiseScale = 1) {
  Eigen::VectorXd v(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double t = static_cast<double>(i);
    const Date day = kStart.addDays(static_cast<std::int32_t>(i));
    v[i] = 100 + 0.05 * t + 0.2 * std::max(0.0, t - 400) + kWeek[i % 7] + 8 * std::sin(2 * M_PI * t / 365.25) +
           (isBlackFriday(day) ? 80 : 0) + noiseScale * noise(i);
  }
  return TimeSeries{"synthetic", Frequency::Daily, kStart, v};
}

std::unique_ptr<Forecaster> fitted(const std::string& spec, const TimeSeries& y) {
  auto m = ModelFactory::create(spec);
  m->fit(y);
  return m;
}

const CalendarRegressionForecaster& asRegression(const Forecaster& m) {
  return dynamic_cast<const CalendarRegressionForecaster&>(m);
}

std::string artifactText(const Forecaster& m) {
  return ModelArtifact::toText(ModelArtifact::build({&m}, false, [] { return std::string("2024-01-01T00:00:00Z"); }));
}

bool hasWarning(const Forecaster& m, const std::string& part) {
  for (const auto& w : m.warnings())
    if (w.find(part) != std::string::npos) return true;
  return false;
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

class CalendarRegressionTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void findsTheSlopeChange() {
    const auto m = fitted("calendar_regression", synthetic(800));
    const auto p = m->params();
    const Date change = kStart.addDays(400);
    bool near = false;
    for (const auto& c : p.at("changepoints"))
      near = near || std::abs(*Date::parseIso(c.at("date").get<std::string>()) - change) <= 30;
    QVERIFY2(near, p.at("changepoints").dump().c_str());
    // Within 15%: the default prior (1.0) lets the noise bend the last
    // stretch of the trend a little (0.222 here; 0.5 gave under 10%).
    FORESIGHT_COMPARE_NEAR(p.at("final_slope").get<double>(), 0.25, 0.15);
    FORESIGHT_COMPARE_NEAR(p.at("slope").get<double>(), 0.05, 0.3);
  }

  void recoversTheWeekAndTheHoliday() {
    const auto m = fitted("calendar_regression", synthetic(800));
    const Eigen::VectorXd week = asRegression(*m).seasonalComponent("weekly", 700, 7);
    for (Eigen::Index i = 0; i < 7; ++i) QVERIFY2(std::fabs(week[i] - kWeek[(700 + i) % 7]) < 1, "weekly");
    const auto p = m->params();
    QCOMPARE(p.at("seasonalities").size(), std::size_t{2});
    FORESIGHT_COMPARE_NEAR(p.at("seasonalities")[0].at("amplitude").get<double>(), 16.0, 0.1);
    // Order 10 on two years also bends to the noise; the wave is clear.
    const Eigen::VectorXd year = asRegression(*m).seasonalComponent("yearly", 0, 365);
    Eigen::VectorXd wave(365);
    for (Eigen::Index i = 0; i < 365; ++i) wave[i] = 8 * std::sin(2 * M_PI * static_cast<double>(i) / 365.25);
    const Eigen::VectorXd centred = year.array() - year.mean();
    QVERIFY(centred.dot(wave) / (centred.norm() * wave.norm()) > 0.95);
    double blackFriday = 0;
    for (const auto& h : p.at("holidays"))
      if (h.at("name") == "Black Friday") blackFriday = h.at("effect").get<double>();
    FORESIGHT_COMPARE_NEAR(blackFriday, 80.0, 0.05);
    // The forecast carries the effect to the next Black Friday (29 Nov 2021).
    const Forecast f = m->forecast(365, {});
    const auto at = *Date::fromYmd(2021, 11, 26) - f.start;
    QVERIFY(f.mean[at] - f.mean[at - 7] > 70);
  }

  void userEventsComeFromTheFile() {
    // A promotion every 60 days, +50, and one planned after the data.
    TimeSeries y = synthetic(500);
    std::string csv = "date,name\n";
    for (Eigen::Index i = 30; i < 560; i += 60) {
      if (i < 500) y.values[i] += 50;
      csv += kStart.addDays(static_cast<std::int32_t>(i)).toIso() + ",Promo\n";
    }
    const auto path = foresight::test::makeTempDir("events") / "events.csv";
    std::ofstream(path) << csv;
    const auto m = fitted("calendar_regression(events=" + path.string() + ")", y);
    const Forecast f = m->forecast(60, {});
    const Eigen::Index promo = 510 - 500;  // day 510
    QVERIFY(f.mean[promo] - f.mean[promo - 7] > 40);
    // The dates travel in the model file: the forecast needs no file later.
    std::filesystem::remove(path);
    auto loaded = ModelArtifact::parse(artifactText(*m), "m.json");
    QVERIFY(loaded.models[0]->forecast(60, {}).mean == f.mean);
    // A bad file is refused at fit with its name and line.
    std::ofstream(path) << "date,name\n2019-01-10,Promo\n2019-01-xx,Promo\n";
    const QString e = errorOf([&] { (void)fitted("calendar_regression(events=" + path.string() + ")", y); });
    QVERIFY2(e.contains(QString::fromStdString(path.string() + ":3: field 'date'")), qPrintable(e));
  }

  void multiplicativeFitsTheLogOfPositiveData() {
    TimeSeries y = synthetic(800);
    for (Eigen::Index i = 0; i < y.size(); ++i) y.values[i] = std::exp(y.values[i] / 50);
    const auto m = fitted("calendar_regression(mode=multiplicative)", y);
    QCOMPARE(m->params().at("mode").get<std::string>(), std::string("multiplicative"));
    // The weekly factors are exp(pattern / 50).
    const Eigen::VectorXd week = asRegression(*m).seasonalComponent("weekly", 700, 7);
    for (Eigen::Index i = 0; i < 7; ++i) FORESIGHT_COMPARE_NEAR(week[i], std::exp(kWeek[(700 + i) % 7] / 50), 0.03);
    const Forecast f = m->forecast(30, {95});
    QVERIFY((f.lower.array() > 0).all());
    // A zero makes the log impossible: additive, with a warning.
    y.values[3] = 0;
    const auto additive = fitted("calendar_regression(mode=multiplicative)", y);
    QCOMPARE(additive->params().at("mode").get<std::string>(), std::string("additive"));
    QVERIFY(hasWarning(*additive, "mode=multiplicative needs positive data"));
  }

  void intervalsAreSeededNestedAndWiden() {
    const auto m = fitted("calendar_regression", synthetic(800, 3));
    const Forecast a = m->forecast(90, {80, 95});
    const Forecast b = m->forecast(90, {95, 80});
    QVERIFY(a.lower == b.lower && a.upper == b.upper);
    const Forecast shortOne = m->forecast(20, {80, 95});
    QVERIFY(shortOne.lower == a.lower.topRows(20) && shortOne.upper == a.upper.topRows(20));
    QVERIFY((a.lower.col(1).array() <= a.lower.col(0).array()).all());
    QVERIFY((a.upper.col(0).array() <= a.upper.col(1).array()).all());
    QVERIFY((a.lower.col(0).array() < a.mean.array()).all() && (a.mean.array() < a.upper.col(0).array()).all());
    QVERIFY(a.upper(89, 1) - a.lower(89, 1) > 1.2 * (a.upper(0, 1) - a.lower(0, 1)));
    // The first step's band is about the noise's: sd sqrt(3) for uniform(-3, 3).
    const double sd = std::sqrt(m->statistics().sigma2);
    QVERIFY(std::fabs(sd - std::sqrt(3.0)) < 0.3);
    QVERIFY(std::fabs((a.upper(0, 1) - a.lower(0, 1)) / (2 * 1.96 * sd) - 1) < 0.15);
    const auto other = fitted("calendar_regression(seed=5)", synthetic(800, 3));
    QVERIFY(other->forecast(90, {95}).upper != m->forecast(90, {95}).upper);
    QVERIFY(other->forecast(90, {95}).mean == a.mean);
  }

  void updateKeepsTheCoefficientsAndExtendsTime() {
    const TimeSeries all = synthetic(800, 3);
    auto m = fitted("calendar_regression", all.head(700));
    const Forecast before = m->forecast(150, {});
    const std::string params = m->params().dump();
    TimeSeries newer{"synthetic", Frequency::Daily, all.dateAt(700), all.values.tail(100)};
    newer.values.array() += 10;  // newer actuals above the model: residuals grow
    m->update(newer);
    QCOMPARE(m->info().n, 800);
    const Forecast after = m->forecast(50, {});
    QCOMPARE(after.start, all.dateAt(800));
    // A function of time: the same numbers, 100 days on.
    QVERIFY((after.mean - before.mean.tail(50)).cwiseAbs().maxCoeff() < 1e-9);
    QCOMPARE(m->params().dump().substr(0, 40), params.substr(0, 40));
    QCOMPARE(m->statistics().nobs, 800);
    QVERIFY(m->statistics().sigma2 > 10);
  }

  void multiplicativeUpdateRefusesNonPositiveValues() {
    TimeSeries y = synthetic(100);
    auto m = fitted("calendar_regression(mode=multiplicative)", y);
    const std::string state = artifactText(*m);
    const QString e = errorOf([&] {
      m->update(TimeSeries{"synthetic", Frequency::Daily, y.dateAt(100), Eigen::Vector2d(101, -1)});
    });
    QVERIFY2(e.contains(QString::fromStdString("at " + y.dateAt(101).toIso())) && e.contains(QStringLiteral("positive values only")),
             qPrintable(e));
    QCOMPARE(artifactText(*m), state);
  }

  void modelFilesRoundTrip() {
    const TimeSeries all = synthetic(820);
    auto m = fitted("calendar_regression(holiday_window=1,extra_period=30.4375)", all.head(800));
    m->update(TimeSeries{"synthetic", Frequency::Daily, all.dateAt(800), all.values.tail(20)});
    const std::string text = artifactText(*m);
    auto loaded = ModelArtifact::parse(text, "m.json");
    QCOMPARE(artifactText(*loaded.models[0]), text);
    const Forecast a = m->forecast(40, {80, 95}), b = loaded.models[0]->forecast(40, {80, 95});
    QVERIFY(a.mean == b.mean && a.lower == b.lower && a.upper == b.upper);
    auto j = nlohmann::json::parse(text);
    j["state"]["model"]["coefficients"].erase(0);
    QVERIFY(errorOf([&] { (void)ModelArtifact::parse(j.dump(), "m.json"); }).contains(QStringLiteral("state.model.coefficients")));
  }

  void seasonsTheDataCannotCarryAreDropped() {
    const auto short500 = fitted("calendar_regression", synthetic(500));
    QCOMPARE(short500->params().at("seasonalities").size(), std::size_t{1});
    QVERIFY(short500->warnings().empty());
    const auto asked = fitted("calendar_regression(yearly_order=10)", synthetic(500));
    QVERIFY(hasWarning(*asked, "yearly seasonality dropped: it needs two periods of history (730.5 observations)"));
    const TimeSeries weekly{"w", Frequency::Weekly, kStart, synthetic(160).values};
    const auto w = fitted("calendar_regression(weekly_order=3)", weekly);
    QVERIFY(hasWarning(*w, "weekly seasonality dropped: its period is 1 of the data's periods"));
    QCOMPARE(w->params().at("seasonalities")[0].at("period").get<double>(), 365.25 / 7);
    const TimeSeries monthly{"m", Frequency::Monthly, *Date::fromYmd(2000, 1, 1), synthetic(60).values};
    const auto m = fitted("calendar_regression(yearly_order=10)", monthly);
    QVERIFY(hasWarning(*m, "yearly seasonality order lowered to 5"));
    QCOMPARE(m->params().at("seasonalities")[0].at("order").get<int>(), 5);
  }

  void degenerateInputGivesFiniteForecasts_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("frequency");
    QTest::addColumn<QVector<double>>("values");
    const auto daily = static_cast<int>(Frequency::Daily);
    QTest::newRow("constant") << QStringLiteral("calendar_regression") << daily << QVector<double>(400, 7.5);
    QTest::newRow("zeros") << QStringLiteral("calendar_regression") << daily << QVector<double>(400, 0.0);
    QTest::newRow("one value") << QStringLiteral("calendar_regression") << daily << QVector<double>{42};
    QTest::newRow("two values") << QStringLiteral("calendar_regression(mode=multiplicative)") << daily << QVector<double>{3, 5};
    QTest::newRow("ten values") << QStringLiteral("calendar_regression") << daily << QVector<double>{3, 5, 4, 6, 5, 7, 6, 8, 7, 9};
    QTest::newRow("negative") << QStringLiteral("calendar_regression") << daily << QVector<double>(50, -1e6);
    QTest::newRow("huge") << QStringLiteral("calendar_regression") << daily << QVector<double>(50, 1e300);
    QTest::newRow("missing inside") << QStringLiteral("calendar_regression") << daily
                                    << QVector<double>{5, std::nan(""), 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
    QTest::newRow("yearly data") << QStringLiteral("calendar_regression") << static_cast<int>(Frequency::Yearly)
                                 << QVector<double>{1, 2, 4, 8, 16, 32, 64};
    QTest::newRow("no changepoints") << QStringLiteral("calendar_regression(n_changepoints=0,holidays=none)") << daily
                                     << QVector<double>{1, 2, 3};
  }
  void degenerateInputGivesFiniteForecasts() {
    QFETCH(QString, spec);
    QFETCH(int, frequency);
    QFETCH(QVector<double>, values);
    const TimeSeries y{"d", static_cast<Frequency>(frequency), *Date::fromYmd(2016, 11, 20),
                       Eigen::Map<const Eigen::VectorXd>(values.data(), values.size())};
    const auto m = fitted(spec.toStdString(), y);
    const Forecast f = m->forecast(30, {80, 95});
    QVERIFY(f.mean.allFinite() && f.lower.allFinite() && f.upper.allFinite());
    QVERIFY(nlohmann::json::parse(m->params().dump()).is_object());
  }
  void constantDataForecastTheConstant() {
    const TimeSeries y{"c", Frequency::Daily, kStart, Eigen::VectorXd::Constant(400, 7.5)};
    const Forecast f = fitted("calendar_regression", y)->forecast(30, {95});
    QVERIFY((f.mean.array() - 7.5).abs().maxCoeff() < 1e-6);
    QVERIFY((f.upper - f.lower).cwiseAbs().maxCoeff() < 1e-3);
  }

  void specValuesAreChecked() {
    QVERIFY(errorOf([] { (void)ModelFactory::create("calendar_regression(changepoint_range=0)"); })
                .contains(QStringLiteral("below the minimum")));
    QVERIFY(errorOf([] { (void)ModelFactory::create("calendar_regression(holidays=uk)"); }).contains(QStringLiteral("us")));
  }
};

QTEST_GUILESS_MAIN(CalendarRegressionTest)
#include "CalendarRegressionTest.moc"
