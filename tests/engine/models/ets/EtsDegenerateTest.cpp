// ETS on inputs where estimation cannot work as usual: series too short to
// estimate initial states (R's simple fallbacks), constant series, zeros and
// negatives with multiplicative forms, seasonal periods R refuses, missing
// values, contradictory specs. Never a crash or a NaN; InputErrors say why.
#include <QtTest/QTest>
#include <cmath>

#include "../ReferenceAgreement.h"
#include "EtsTestData.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;
using nlohmann::json;

namespace {
TimeSeries series(const std::vector<double>& v, Frequency f = Frequency::Monthly) {
  return TimeSeries{"s", f, *Date::fromYmd(2020, 1, 1),
                    Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()))};
}

Frequency frequencyOf(int m) {
  return m == 12 ? Frequency::Monthly : m == 4 ? Frequency::Quarterly : m == 7 ? Frequency::Daily : Frequency::Yearly;
}

// The InputError message of fitting `spec` on y ("" when none).
QString fitError(const std::string& spec, const TimeSeries& y) {
  try {
    ModelFactory::create(spec)->fit(y);
  } catch (const InputError& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

bool allFinite(const Forecast& f) { return f.mean.allFinite() && f.lower.allFinite() && f.upper.allFinite(); }
// R fits these with L-BFGS-B, Foresight with Nelder-Mead on the box
// (docs/models.md), so the optima differ slightly: the means agree to
// 2.2e-6 relative (measured; printed by cleanupTestCase), asserted at 1e-5 (the smallest power of ten at least three times that).
constexpr double kShortSeriesTol = 1e-5;
}  // namespace

class EtsDegenerateTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void cleanupTestCase() { agreement_.print("short ETS series vs R"); }
  void shortSeriesFollowR_data();
  void shortSeriesFollowR();
  void constantSeriesGivesTheConstant_data();
  void constantSeriesGivesTheConstant();
  void oneAndTwoObservations();
  void zerosAndNegativesSkipMultiplicativeForms();
  void explicitMultiplicativeOnNonPositiveDataIsRefused_data();
  void explicitMultiplicativeOnNonPositiveDataIsRefused();
  void seasonalPeriodsRRefuses();
  void contradictorySpecsAreRefused();
  void missingValuesAreInterpolated();
  void perfectFitStaysFinite();
  void hugeAndTinyValuesStayFinite();
 private:
  test::ReferenceAgreement agreement_;
};

void EtsDegenerateTest::shortSeriesFollowR_data() {
  QTest::addColumn<QString>("name");
  const json reference = test::etsReference();
  for (const auto& [name, t] : reference["tiny"].items()) QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void EtsDegenerateTest::shortSeriesFollowR() {
  QFETCH(QString, name);
  const json t = test::etsReference()["tiny"][name.toStdString()];
  const json& r = t["auto"];
  auto model = ModelFactory::create("ets");
  model->fit(series(t["values"], frequencyOf(t["frequency"])));
  const json& c = r["components"];
  const std::string form = "ETS(" + c[0].get<std::string>() + "," + c[1].get<std::string>() +
                           (c[3] == "TRUE" ? "d" : "") + "," + c[2].get<std::string>() + ")";
  QCOMPARE(QString::fromStdString(model->params()["form"].get<std::string>()), QString::fromStdString(form));
  const Forecast f = model->forecast(t["h"], {80, 95});
  QVERIFY(allFinite(f));
  for (int i = 0; i < f.horizon(); ++i) {
    const double rm = r["mean"][i];
    QVERIFY2(agreement_.check("short-series means", f.mean[i], rm, kShortSeriesTol),
             qPrintable(QStringLiteral("mean[%1] = %2, R %3").arg(i).arg(f.mean[i]).arg(rm)));
    QVERIFY(f.lower(i, 1) <= f.mean[i] && f.mean[i] <= f.upper(i, 1));
  }
  if (!r.contains("loglik")) QVERIFY(!model->warnings().empty());  // says that a fallback was used
}

void EtsDegenerateTest::constantSeriesGivesTheConstant_data() {
  QTest::addColumn<double>("value");
  QTest::addColumn<QString>("spec");
  QTest::newRow("42, ets") << 42.0 << QStringLiteral("ets");
  QTest::newRow("zeros, ets") << 0.0 << QStringLiteral("ets");
  QTest::newRow("negative, ets") << -3.5 << QStringLiteral("ets");
  QTest::newRow("42, ses") << 42.0 << QStringLiteral("ses");
  QTest::newRow("42, ets(error=M)") << 42.0 << QStringLiteral("ets(error=M,trend=N,season=N)");
  QTest::newRow("42, holt_winters") << 42.0 << QStringLiteral("holt_winters(seasonal=multiplicative)");
}

void EtsDegenerateTest::constantSeriesGivesTheConstant() {
  QFETCH(double, value);
  QFETCH(QString, spec);
  auto model = ModelFactory::create(spec.toStdString());
  model->fit(series(std::vector<double>(36, value)));
  const Forecast f = model->forecast(24, {80, 95});
  QVERIFY(allFinite(f));
  for (int i = 0; i < f.horizon(); ++i) {
    QVERIFY2(std::fabs(f.mean[i] - value) <= 1e-6 * std::fmax(1, std::fabs(value)), qPrintable(QString::number(f.mean[i])));
    // Zero variance: intervals collapse onto the mean (R gives the same).
    QVERIFY(std::fabs(f.upper(i, 1) - f.lower(i, 1)) <= 1e-6 * std::fmax(1, std::fabs(value)));
  }
  QVERIFY(std::isfinite(model->statistics().sigma2));
}

void EtsDegenerateTest::oneAndTwoObservations() {
  for (const std::vector<double>& v : {std::vector<double>{7.0}, std::vector<double>{7.0, 9.0}}) {
    auto model = ModelFactory::create("ets");
    model->fit(series(v));
    const Forecast f = model->forecast(5, {95});
    QVERIFY(allFinite(f));
    QVERIFY(f.mean[0] >= 7.0 && f.mean[0] <= 11.0);
  }
  QVERIFY(fitError("holt", series({5.0})).contains(QStringLiteral("two observations")));
}

void EtsDegenerateTest::zerosAndNegativesSkipMultiplicativeForms() {
  const json ref = test::etsReference();
  std::vector<double> y = ref["series"]["us_acc_deaths"]["values"];
  for (double& v : y) v -= 9000;  // crosses zero
  auto model = ModelFactory::create("ets");
  model->fit(series(y));
  const json p = model->params();
  QVERIFY(p["form"].get<std::string>().rfind("ETS(A,", 0) == 0);
  for (const json& c : p["candidates"]) QVERIFY(c["form"].get<std::string>()[0] == 'A');
  QVERIFY(allFinite(model->forecast(24, {80, 95})));
}

void EtsDegenerateTest::explicitMultiplicativeOnNonPositiveDataIsRefused_data() {
  QTest::addColumn<QString>("spec");
  QTest::addColumn<QString>("field");
  QTest::newRow("M errors") << QStringLiteral("ets(error=M)") << QStringLiteral("field 'error'");
  QTest::newRow("M season") << QStringLiteral("ets(season=M)") << QStringLiteral("field 'season'");
  QTest::newRow("hw multiplicative") << QStringLiteral("holt_winters(seasonal=multiplicative)") << QStringLiteral("field 'error'");
}

void EtsDegenerateTest::explicitMultiplicativeOnNonPositiveDataIsRefused() {
  QFETCH(QString, spec);
  QFETCH(QString, field);
  std::vector<double> y(48);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = 10 + 5 * std::sin(static_cast<double>(i));
  y[17] = 0;
  const QString message = fitError(spec.toStdString(), series(y));
  QVERIFY2(message.contains(field) && message.contains(QStringLiteral("positive")) &&
               message.contains(QStringLiteral("series 's'")),
           qPrintable(message));
}

void EtsDegenerateTest::seasonalPeriodsRRefuses() {
  std::vector<double> y(200);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = 100 + 10 * std::sin(static_cast<double>(i) * 0.12) + static_cast<double>(i % 7);
  // Weekly data, period 52: R ignores the season with a warning.
  auto model = ModelFactory::create("ets");
  model->fit(series(y, Frequency::Weekly));
  QVERIFY(model->params()["form"].get<std::string>().back() == 'N' ||
          model->params()["form"].get<std::string>().substr(model->params()["form"].get<std::string>().size() - 2) == "N)");
  bool warned = false;
  for (const auto& w : model->warnings()) warned = warned || w.find("above 24") != std::string::npos;
  QVERIFY(warned);
  QVERIFY(fitError("ets(season=A)", series(y, Frequency::Weekly)).contains(QStringLiteral("up to 24")));
  QVERIFY(fitError("ets(season=A)", series(y, Frequency::Yearly)).contains(QStringLiteral("seasonal period above 1")));
  QVERIFY(fitError("holt_winters", series(y, Frequency::Yearly)).contains(QStringLiteral("period")));
  QVERIFY(fitError("holt_winters", series({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14})).contains(QStringLiteral("15 observations")));
  // Explicit period 7 on weekly data is allowed.
  auto weekly7 = ModelFactory::create("ets(season=A,period=7)");
  weekly7->fit(series(y, Frequency::Weekly));
  QCOMPARE(weekly7->params()["period"].get<int>(), 7);
}

void EtsDegenerateTest::contradictorySpecsAreRefused() {
  const auto y = series(test::etsReference()["series"]["air_passengers"]["values"]);
  QVERIFY(fitError("ets(trend=Ad,damped=false)", y).contains(QStringLiteral("damped")));
  QVERIFY(fitError("ets(trend=N,damped=true)", y).contains(QStringLiteral("damped")));
  QVERIFY(fitError("ets(error=A,season=M)", y).contains(QStringLiteral("not allowed")));
  QVERIFY(fitError("ets(error=M,additive_only=true)", y).contains(QStringLiteral("additive_only")));
  // A fixed alpha outside R's usual bounds: every form fails and the message says why.
  QVERIFY(fitError("ets(error=A,trend=N,season=N,alpha=1)", y).contains(QStringLiteral("out of range")));
  bool threw = false;
  try {
    ModelFactory::create("ets(trend=X)");
  } catch (const InputError& e) {
    threw = QString::fromStdString(e.what()).contains(QStringLiteral("N, A, Ad"));
  }
  QVERIFY(threw);
}

void EtsDegenerateTest::missingValuesAreInterpolated() {
  const std::vector<double> air = test::etsReference()["series"]["air_passengers"]["values"];
  std::vector<double> y{std::nan("")};  // a leading gap is dropped
  y.insert(y.end(), air.begin(), air.end());
  y[11] = y[12] = std::nan("");         // inner gaps are interpolated
  auto model = ModelFactory::create("ets(error=M,trend=A,season=M,damped=false)");
  model->fit(series(y));
  QVERIFY(allFinite(model->forecast(12, {80, 95})));
  QVERIFY(!model->warnings().empty());
  QCOMPARE(model->info().n, 144);
}

void EtsDegenerateTest::perfectFitStaysFinite() {
  std::vector<double> y(40);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = 5 + 2.0 * static_cast<double>(i);
  auto model = ModelFactory::create("ets(error=A,trend=A,season=N,damped=false)");
  model->fit(series(y));
  QVERIFY(std::isfinite(model->statistics().aicc));
  const Forecast f = model->forecast(3, {95});
  QVERIFY(allFinite(f));
  FORESIGHT_COMPARE_NEAR(f.mean[0], 85.0, 1e-3);
}

void EtsDegenerateTest::hugeAndTinyValuesStayFinite() {
  std::vector<double> y = test::etsReference()["series"]["johnson_johnson"]["values"];
  for (double scale : {1e9, 1e-9}) {
    std::vector<double> v = y;
    for (double& x : v) x *= scale;
    auto model = ModelFactory::create("ets");
    model->fit(series(v, Frequency::Quarterly));
    const Forecast f = model->forecast(8, {80, 95});
    QVERIFY(allFinite(f));
    QVERIFY(f.mean[0] > 0);
    // R's is.constant() compares absolute differences below 1.5e-8 when the
    // mean magnitude is that small, so R (and we) call values ~1e-9 constant.
    if (scale < 1)
      QCOMPARE(QString::fromStdString(model->params()["origin"].get<std::string>()), QStringLiteral("constant"));
    else
      QVERIFY(std::isfinite(model->statistics().aicc));
  }
}

QTEST_GUILESS_MAIN(EtsDegenerateTest)
#include "EtsDegenerateTest.moc"
