// theta against R's forecast::thetaf and the M4 organisers' Theta.classic:
// first the Theta arithmetic with R's own SES parameters (tight), then the
// whole model with our SES estimation (see tests/reference/theta/).
#include <QtTest/QtTest>

#include <cmath>

#include "../ModelTestData.h"
#include "../ReferenceAgreement.h"
#include "AdventureWorksRevenue.h"
#include "TestSupport.h"
#include "ThetaReference.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/PredictionIntervals.h"
#include "engine/models/decomposition/SeasonalAdjustment.h"
#include "engine/models/theta/ThetaState.h"

using namespace foresight;
namespace ref = foresight::test::thetaref;

namespace {

Eigen::VectorXd vec(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// The final SES level from R's estimated alpha and initial level.
double sesFinalLevel(const Eigen::VectorXd& x, double alpha, double l0) {
  double level = l0;
  for (Eigen::Index t = 0; t < x.size(); ++t) level += alpha * (x[t] - level);
  return level;
}

struct ThetafRef {
  const char* name;
  TimeSeries series;
  int period, horizon;
  double alpha, drift, sigma2, l0;
  const std::vector<double>*mean, *lo80, *hi80, *lo95, *hi95, *fittedHead;
};

std::vector<ThetafRef> thetafCases() {
  const TimeSeries ap = test::airPassengers();
  TimeSeries gas = test::makeSeries(ref::kUKgas, Frequency::Quarterly, "UKgas");
  TimeSeries ap30 = ap.head(30);
  TimeSeries peak30 = test::makeSeries(ref::kPeak30, Frequency::Monthly, "Peak30");
  std::vector<ThetafRef> cases = {
      {"AirPassengers", ap, 12, 24, ref::kAirPassengersThetafAlpha, ref::kAirPassengersThetafDrift,
       ref::kAirPassengersThetafSigma2, ref::kAirPassengersSesInitialLevel, &ref::kAirPassengersThetafMean,
       &ref::kAirPassengersThetafLower80, &ref::kAirPassengersThetafUpper80, &ref::kAirPassengersThetafLower95,
       &ref::kAirPassengersThetafUpper95, &ref::kAirPassengersThetafFittedHead},
      {"UKgas", gas, 4, 8, ref::kUKgasThetafAlpha, ref::kUKgasThetafDrift, ref::kUKgasThetafSigma2,
       ref::kUKgasSesInitialLevel, &ref::kUKgasThetafMean, &ref::kUKgasThetafLower80, &ref::kUKgasThetafUpper80,
       &ref::kUKgasThetafLower95, &ref::kUKgasThetafUpper95, &ref::kUKgasThetafFittedHead},
      {"AirPassengers30", ap30, 12, 12, ref::kAirPassengers30ThetafAlpha, ref::kAirPassengers30ThetafDrift,
       ref::kAirPassengers30ThetafSigma2, ref::kAirPassengers30SesInitialLevel, &ref::kAirPassengers30ThetafMean,
       &ref::kAirPassengers30ThetafLower80, &ref::kAirPassengers30ThetafUpper80, &ref::kAirPassengers30ThetafLower95,
       &ref::kAirPassengers30ThetafUpper95, &ref::kAirPassengers30ThetafFittedHead},
      {"Peak30", peak30, 12, 12, ref::kPeak30ThetafAlpha, ref::kPeak30ThetafDrift, ref::kPeak30ThetafSigma2,
       ref::kPeak30SesInitialLevel, &ref::kPeak30ThetafMean, &ref::kPeak30ThetafLower80, &ref::kPeak30ThetafUpper80,
       &ref::kPeak30ThetafLower95, &ref::kPeak30ThetafUpper95, &ref::kPeak30ThetafFittedHead},
  };
  const TimeSeries w1 = test::m4Weekly(1), w100 = test::m4Weekly(100);
  if (!w1.empty())
    cases.push_back({"W1", w1, 1, 13, ref::kW1ThetafAlpha, ref::kW1ThetafDrift, ref::kW1ThetafSigma2,
                     ref::kW1SesInitialLevel, &ref::kW1ThetafMean, &ref::kW1ThetafLower80, &ref::kW1ThetafUpper80,
                     &ref::kW1ThetafLower95, &ref::kW1ThetafUpper95, &ref::kW1ThetafFittedHead});
  if (!w100.empty())
    cases.push_back({"W100", w100, 1, 13, ref::kW100ThetafAlpha, ref::kW100ThetafDrift, ref::kW100ThetafSigma2,
                     ref::kW100SesInitialLevel, &ref::kW100ThetafMean, &ref::kW100ThetafLower80,
                     &ref::kW100ThetafUpper80, &ref::kW100ThetafLower95, &ref::kW100ThetafUpper95,
                     &ref::kW100ThetafFittedHead});
  const TimeSeries aw = test::adventureWorksMonthlyRevenue();
  if (!aw.empty())
    cases.push_back({"AdventureWorks", aw, 12, 12, ref::kAdventureWorksThetafAlpha, ref::kAdventureWorksThetafDrift,
                     ref::kAdventureWorksThetafSigma2, ref::kAdventureWorksSesInitialLevel,
                     &ref::kAdventureWorksThetafMean, &ref::kAdventureWorksThetafLower80,
                     &ref::kAdventureWorksThetafUpper80, &ref::kAdventureWorksThetafLower95,
                     &ref::kAdventureWorksThetafUpper95, &ref::kAdventureWorksThetafFittedHead});
  return cases;
}

struct ClassicRef {
  const char* name;
  TimeSeries series;
  int period, horizon;
  double alpha, l0;
  const std::vector<double>* mean;
};

std::vector<ClassicRef> classicCases() {
  std::vector<ClassicRef> cases = {
      {"AirPassengers", test::airPassengers(), 12, 18, ref::kAirPassengersClassicSesAlpha,
       ref::kAirPassengersClassicSesInitialLevel, &ref::kAirPassengersClassicMean},
      {"UKgas", test::makeSeries(ref::kUKgas, Frequency::Quarterly, "UKgas"), 4, 8, ref::kUKgasClassicSesAlpha,
       ref::kUKgasClassicSesInitialLevel, &ref::kUKgasClassicMean},
  };
  const TimeSeries w1 = test::m4Weekly(1), w100 = test::m4Weekly(100);
  if (!w1.empty())
    cases.push_back({"W1", w1, 1, 13, ref::kW1ClassicSesAlpha, ref::kW1ClassicSesInitialLevel, &ref::kW1ClassicMean});
  if (!w100.empty())
    cases.push_back(
        {"W100", w100, 1, 13, ref::kW100ClassicSesAlpha, ref::kW100ClassicSesInitialLevel, &ref::kW100ClassicMean});
  const TimeSeries aw = test::adventureWorksMonthlyRevenue();
  if (!aw.empty())
    cases.push_back({"AdventureWorks", aw, 12, 12, ref::kAdventureWorksClassicSesAlpha,
                     ref::kAdventureWorksClassicSesInitialLevel, &ref::kAdventureWorksClassicMean});
  return cases;
}

// Against R (the table cleanupTestCase prints): means and 80/95% bounds
// 4.2e-14 relative at most, fitted values 1.9e-15, alpha 4.6e-15; each
// asserted at the smallest power of ten at least three times that
// (docs/models.md).
constexpr double kForecastTol = 1e-12;
constexpr double kFittedTol = 1e-14;
constexpr double kAlphaTol = 1e-13;

test::ReferenceAgreement& agreement() {
  static test::ReferenceAgreement a;
  return a;
}

// Element by element within `tol` relative, recorded under `quantity`.
void compareSeries(const std::string& quantity, const Eigen::VectorXd& got, const std::vector<double>& expected,
                   double tol, const char* what) {
  QVERIFY2(got.size() == static_cast<Eigen::Index>(expected.size()), what);
  for (Eigen::Index i = 0; i < got.size(); ++i)
    QVERIFY2(agreement().check(quantity, got[i], expected[static_cast<std::size_t>(i)], tol),
             qPrintable(QStringLiteral("%1[%2] = %3, R %4").arg(QString::fromUtf8(what)).arg(i)
                            .arg(got[i], 0, 'g', 12).arg(expected[static_cast<std::size_t>(i)], 0, 'g', 12)));
}

std::unique_ptr<Forecaster> fitted(const std::string& spec, const TimeSeries& y) {
  auto model = ModelFactory::create(spec);
  model->fit(y);
  return model;
}

bool sameForecast(const Forecast& a, const Forecast& b) {
  return a.mean == b.mean && a.lower == b.lower && a.upper == b.upper && a.start == b.start;
}

}  // namespace

class ThetaTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void cleanupTestCase() { agreement().print("theta vs R"); }
  // The Theta arithmetic (drift, lag term, seasonal indices, intervals) with
  // R's own alpha and initial level: agreement to rounding.
  void thetafArithmeticWithRsSesParameters() {
    for (const ThetafRef& c : thetafCases()) {
      std::vector<std::string> notes;
      const auto s = SeasonalAdjustment::choose(c.series.values, c.period, SeasonalMode::Auto,
                                                SeasonalityRule::Thetaf, notes);
      const Eigen::VectorXd x = s.adjust(c.series.values, 0);
      const ThetaLine line = ThetaLine::fit(x);
      FORESIGHT_COMPARE_NEAR(line.slope / 2, c.drift, 1e-10);
      const ThetaState st = ThetaState::make(ThetaMethod::Standard, line, x.size(), c.alpha,
                                             sesFinalLevel(x, c.alpha, c.l0), c.sigma2);
      Forecast f;
      f.levels = {80, 95};
      f.mean = st.mean(c.horizon).cwiseProduct(s.indices(x.size(), c.horizon));
      setNormalIntervals(f, st.standardErrors(c.horizon));
      compareSeries("thetaf arithmetic means", f.mean, *c.mean, kForecastTol, c.name);
      compareSeries("thetaf arithmetic bounds", f.lower.col(0), *c.lo80, kForecastTol, c.name);
      compareSeries("thetaf arithmetic bounds", f.upper.col(1), *c.hi95, kForecastTol, c.name);
    }
  }
  void classicArithmeticWithRsSesParameters() {
    for (const ClassicRef& c : classicCases()) {
      std::vector<std::string> notes;
      const auto s =
          SeasonalAdjustment::choose(c.series.values, c.period, SeasonalMode::Auto, SeasonalityRule::M4, notes);
      const Eigen::VectorXd x = s.adjust(c.series.values, 0);
      const ThetaLine line = ThetaLine::fit(x);
      const Eigen::VectorXd z = ThetaState::sesInput(ThetaMethod::Classic, x, line);
      const ThetaState st =
          ThetaState::make(ThetaMethod::Classic, line, x.size(), c.alpha, sesFinalLevel(z, c.alpha, c.l0), 1.0);
      const Eigen::VectorXd mean =
          st.mean(c.horizon).cwiseProduct(s.indices(x.size(), c.horizon)).cwiseMax(0.0);
      compareSeries("classic arithmetic means", mean, *c.mean, kForecastTol, c.name);
    }
  }

  // The whole model, SES estimated by the ETS engine as R's ses() does.
  void thetaMatchesThetaf() {
    for (const ThetafRef& c : thetafCases()) {
      const std::string spec = "theta(period=" + std::to_string(c.period) + ")";
      auto model = fitted(spec, c.series);
      const Forecast f = model->forecast(c.horizon, {95, 80});
      const nlohmann::json p = model->params();
      QVERIFY2(agreement().check("thetaf alpha", p["alpha"].get<double>(), c.alpha, kAlphaTol), c.name);
      FORESIGHT_COMPARE_NEAR(p["drift"].get<double>(), c.drift, 1e-10);
      compareSeries("thetaf means", f.mean, *c.mean, kForecastTol, c.name);
      compareSeries("thetaf bounds", f.lower.col(0), *c.lo80, kForecastTol, c.name);
      compareSeries("thetaf bounds", f.upper.col(0), *c.hi80, kForecastTol, c.name);
      compareSeries("thetaf bounds", f.lower.col(1), *c.lo95, kForecastTol, c.name);
      compareSeries("thetaf bounds", f.upper.col(1), *c.hi95, kForecastTol, c.name);
      compareSeries("thetaf fitted", model->fitted().head(5), *c.fittedHead, kFittedTol, c.name);
    }
  }
  void classicMatchesTheM4Benchmark() {
    // The references come from forecast 8.20, whose ses() starts at alpha
    // 0.2; classic's default starts where forecast 8.2 did (0.5).
    for (const ClassicRef& c : classicCases()) {
      auto model =
          fitted("theta(method=classic,alpha_start=current,period=" + std::to_string(c.period) + ")", c.series);
      const Forecast f = model->forecast(c.horizon, {80});
      compareSeries("classic means", f.mean, *c.mean, kForecastTol, c.name);
      QVERIFY2(agreement().check("classic alpha", model->params()["alpha"].get<double>(), c.alpha, kAlphaTol), c.name);
      // The interval holds the point and is nested in nothing odd.
      for (Eigen::Index i = 0; i < f.horizon(); ++i) QVERIFY(f.lower(i, 0) <= f.mean[i] && f.mean[i] <= f.upper(i, 0));
    }
  }
  void adventureWorksRevenueIsRsSeries() {
    const TimeSeries aw = test::adventureWorksMonthlyRevenue();
    if (aw.empty()) return;
    compareSeries("revenue", aw.values, ref::kAdventureWorksMonthlyRevenue, 1e-12, "revenue");
  }
  void weeklyM4SettingsNeedNoPeriodOverride() {
    // Weekly data at the default period 52: the M4 test never finds a season
    // (lag 52 is beyond its ACF lags), so classic equals classic(period=1).
    const TimeSeries w1 = test::m4Weekly(1);
    if (w1.empty()) return;
    const Forecast a = fitted("theta(method=classic)", w1)->forecast(13, {80});
    const Forecast b = fitted("theta(method=classic,period=1)", w1)->forecast(13, {80});
    QVERIFY(sameForecast(a, b));
  }
  void seasonalModeSwitches() {
    const TimeSeries ap = test::airPassengers();
    auto off = fitted("theta(seasonal=none)", ap);
    QCOMPARE(off->params()["seasonal"].get<bool>(), false);
    auto forced = fitted("theta(seasonal=multiplicative)", ap.head(30));
    QCOMPARE(forced->params()["seasonal"].get<bool>(), true);
    auto tested = fitted("theta", ap.head(30));
    QCOMPARE(tested->params()["seasonal"].get<bool>(), ref::kAirPassengers30ThetafSeasonal);
  }

  void updateContinuesTheState() {
    const TimeSeries ap = test::airPassengers();
    for (const char* spec : {"theta", "theta(method=classic)"}) {
      auto model = fitted(spec, ap.head(132));
      const nlohmann::json before = model->params();
      model->update(ap);
      const Forecast f = model->forecast(6, {80});
      // Rebuild by hand: the same alpha, line and indices, the level carried on.
      const nlohmann::json p = model->params();
      QCOMPARE(p["alpha"].get<double>(), before["alpha"].get<double>());
      const Eigen::VectorXd idx = vec(p["seasonal_indices"].get<std::vector<double>>());
      double level = before["level"].get<double>();
      const double alpha = p["alpha"].get<double>();
      const bool classic = std::string(spec) != "theta";
      for (Eigen::Index t = 132; t < 144; ++t) {
        const double x = ap.values[t] / idx[t % 12];
        const double z = classic ? 2 * x - (p["intercept"].get<double>() + p["slope"].get<double>() * double(t + 1)) : x;
        level += alpha * (z - level);
      }
      FORESIGHT_COMPARE_NEAR(p["level"].get<double>(), level, 1e-12);
      QCOMPARE(f.start, *Date::fromYmd(1961, 1, 1));
      const double lag = (1 - std::pow(1 - alpha, 144.0)) / alpha;
      const double expected0 = classic ? 0.5 * level + 0.5 * (p["intercept"].get<double>() + p["slope"].get<double>() * 145)
                                       : level + p["drift"].get<double>() * lag;
      FORESIGHT_COMPARE_NEAR(f.mean[0], expected0 * idx[0], 1e-12);
    }
  }
  void savesAndLoadsExactly() {
    for (const char* spec : {"theta", "theta(method=classic)"}) {
      auto model = fitted(spec, test::airPassengers());
      const nlohmann::json state = nlohmann::json::parse(model->saveState().dump());
      auto loaded = ModelFactory::create(spec);
      loaded->loadState(state, model->info());
      QVERIFY(sameForecast(model->forecast(30, {80, 95}), loaded->forecast(30, {80, 95})));
      QCOMPARE(loaded->params(), model->params());
    }
  }
  void refusesCorruptOrMismatchedState() {
    auto model = fitted("theta", test::airPassengers());
    const nlohmann::json state = model->saveState();
    auto classic = ModelFactory::create("theta(method=classic)");
    QVERIFY_THROWS_EXCEPTION(InputError, classic->loadState(state, model->info()));
    nlohmann::json bad = state;
    bad["model"]["theta"]["alpha"] = 1.5;
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("theta")->loadState(bad, model->info()));
    bad = state;
    bad["model"]["seasonal"]["indices"] = nlohmann::json::array({1.0, 1.0});
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("theta")->loadState(bad, model->info()));
    bad = state;
    bad["model"].erase("theta");
    try {
      ModelFactory::create("theta")->loadState(bad, model->info());
      QFAIL("a state without its theta part was accepted");
    } catch (const InputError& e) {
      QVERIFY(e.where().field.find("theta") != std::string::npos);
    }
  }

  // Degenerate inputs: finite forecasts, documented fallbacks, no throw.
  void degenerateInputs_data() {
    QTest::addColumn<QString>("spec");
    QTest::newRow("standard") << QStringLiteral("theta");
    QTest::newRow("classic") << QStringLiteral("theta(method=classic)");
    QTest::newRow("forced season") << QStringLiteral("theta(seasonal=multiplicative)");
  }
  void degenerateInputs() {
    QFETCH(QString, spec);
    const std::string s = spec.toStdString();
    const std::vector<std::vector<double>> inputs = {
        std::vector<double>(40, 7.5),  // constant
        std::vector<double>(40, 0.0),  // zeros
        {5.0},
        {5.0, 6.0},
        {5.0, 6.0, 4.0},
        {0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 5, 0},  // intermittent
    };
    for (const auto& v : inputs) {
      auto model = fitted(s, test::makeSeries(v));
      const Forecast f = model->forecast(12, {80, 95});
      QVERIFY(f.mean.allFinite() && f.lower.allFinite() && f.upper.allFinite());
      QVERIFY(model->fitted().size() == static_cast<Eigen::Index>(v.size()));
    }
    auto constant = fitted(s, test::makeSeries(std::vector<double>(40, 7.5)));
    const Forecast c = constant->forecast(5, {80});
    for (Eigen::Index i = 0; i < 5; ++i) FORESIGHT_COMPARE_NEAR(c.mean[i], 7.5, 1e-9);
    auto one = fitted(s, test::makeSeries({5.0}));
    QCOMPARE(one->forecast(3, {80}).mean[2], 5.0);
    QVERIFY(!one->warnings().empty());
  }
  void refusesValuesThatOverflow() {
    // Squared errors of values near 1e150 overflow: a clear InputError, not NaN.
    std::vector<double> big, alternating;
    for (int t = 0; t < 60; ++t) {
      big.push_back(1e150 * (1 + 0.1 * std::sin(t)));
      alternating.push_back(t % 2 ? 1e307 : -1e307);
    }
    for (const char* spec : {"theta", "theta(method=classic)"}) {
      QVERIFY_THROWS_EXCEPTION(InputError, fitted(spec, test::makeSeries(big)));
      QVERIFY_THROWS_EXCEPTION(InputError, fitted(spec, test::makeSeries(alternating)));
    }
    // Tiny magnitudes stay finite.
    std::vector<double> tiny;
    for (int t = 0; t < 60; ++t) tiny.push_back(1e-300 * (1 + 0.1 * std::sin(t)));
    QVERIFY(fitted("theta", test::makeSeries(tiny))->forecast(12, {95}).mean.allFinite());
  }
  void alphaStartFollowsTheMethodUnlessSet() {
    // auto: classic starts SES where forecast 8.2 did, standard where R does
    // today; an explicit choice applies to either method.
    const TimeSeries ap = test::airPassengers();
    const auto alpha = [&](const std::string& spec) { return fitted(spec, ap)->params()["alpha"].get<double>(); };
    QCOMPARE(alpha("theta(method=classic)"), alpha("theta(method=classic,alpha_start=r8.2)"));
    QCOMPARE(alpha("theta"), alpha("theta(alpha_start=current)"));
    QVERIFY(alpha("theta(method=classic)") != alpha("theta(method=classic,alpha_start=current)"));
  }
  void classicSetsNegativeForecastsToZero() {
    std::vector<double> v;
    for (int t = 0; t < 30; ++t) v.push_back(100.0 - 5.0 * t + (t % 3));
    const Forecast f = fitted("theta(method=classic)", test::makeSeries(v))->forecast(20, {95});
    QCOMPARE(f.mean[19], 0.0);
    QVERIFY(f.lower.minCoeff() >= 0.0);
    const Forecast g = fitted("theta", test::makeSeries(v))->forecast(20, {95});
    QVERIFY(g.mean[19] < 0);  // thetaf does not clip
  }
  void listedByTheFactory() {
    const ModelInfo& info = ModelFactory::find("theta");
    QCOMPARE(info.params.size(), std::size_t(4));
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("theta(alpha_start=r7)"));
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("theta(method=optimal)"));
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("theta(period=0)"));
    QCOMPARE(ModelFactory::create("theta(method=classic)")->specText(), std::string("theta(method=classic)"));
  }
};

QTEST_GUILESS_MAIN(ThetaTest)
#include "ThetaTest.moc"
