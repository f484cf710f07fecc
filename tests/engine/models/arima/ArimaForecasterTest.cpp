// The arima and auto_arima models through the Forecaster interface: specs,
// exact save/load, update(), fitted values, and degenerate input (constant,
// all zeros, very short, missing values, seasonal orders without a season,
// a corrupt saved state): always a finite forecast or a clear error.
#include <QtTest/QtTest>
#include <cmath>

#include "ArimaTestData.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;

namespace {
TimeSeries series(std::vector<double> v, Frequency f = Frequency::Monthly) {
  return TimeSeries{"s", f, *Date::fromYmd(2020, 1, 1),
                    Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()))};
}

TimeSeries airPassengers() {
  TimeSeries y = test::arimaSeries("air_passengers");
  y.frequency = Frequency::Monthly;
  return y;
}

void expectFlat(const Forecast& f, double value) {
  for (Eigen::Index h = 0; h < f.horizon(); ++h) {
    QCOMPARE(f.mean[h], value);
    QCOMPARE(f.lower(h, 0), value);
    QCOMPARE(f.upper(h, 0), value);
  }
}
}  // namespace

class ArimaForecasterTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void specsAreValidated() {
    QVERIFY(ModelFactory::lookup("arima"));
    QVERIFY(ModelFactory::lookup("auto_arima"));
    auto m = ModelFactory::create("arima(p=2,d=0,q=2)");
    QCOMPARE(QString::fromStdString(m->specText()), QStringLiteral("arima(p=2,q=2)"));
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("arima(p=-1)"));
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("arima(method=OLS)"));
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("auto_arima(ic=hqic)"));
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("auto_arima(max_p=x)"));
    QCOMPARE(QString::fromStdString(ModelFactory::create("auto_arima(stepwise=false,d=1)")->specText()),
             QStringLiteral("auto_arima(d=1,stepwise=false)"));
  }

  // Save, load into a fresh model: identical forecasts; saving again gives
  // identical JSON.
  void saveLoadIsExact() {
    const TimeSeries y = airPassengers();
    for (const char* spec : {"auto_arima", "arima(p=1,d=1,q=1,include_drift=true)", "arima(p=2,q=1,P=1,D=1)"}) {
      auto a = ModelFactory::create(spec);
      a->fit(y);
      const nlohmann::json state = a->saveState();
      auto b = ModelFactory::create(spec);
      b->loadState(state, a->info());
      const Forecast fa = a->forecast(30, {80, 95}), fb = b->forecast(30, {80, 95});
      QVERIFY(fa.mean == fb.mean);
      QVERIFY(fa.lower == fb.lower);
      QVERIFY(fa.upper == fb.upper);
      QCOMPARE(QString::fromStdString(b->saveState().dump()), QString::fromStdString(state.dump()));
      QCOMPARE(QString::fromStdString(b->params().dump()), QString::fromStdString(a->params().dump()));
    }
  }

  void corruptStateIsRefused() {
    auto a = ModelFactory::create("arima(p=1,d=1,q=1)");
    a->fit(airPassengers());
    const nlohmann::json good = a->saveState();
    auto expectRefused = [&](nlohmann::json state, const char* field) {
      auto b = ModelFactory::create("arima(p=1,d=1,q=1)");
      try {
        b->loadState(state, a->info());
        QFAIL("a corrupt state was accepted");
      } catch (const InputError& e) {
        QVERIFY2(e.where().field.find(field) != std::string::npos, e.what());
      }
    };
    nlohmann::json s = good;
    s["model"]["names"] = {"ar1", "sma1"};
    expectRefused(s, "names");
    s = good;
    s["model"]["a"].push_back(1.0);
    expectRefused(s, "a");
    s = good;
    s["model"]["sigma2"] = -1.0;
    expectRefused(s, "sigma2");
    s = good;
    s["model"]["order"]["d"] = "one";
    expectRefused(s, "order.d");
    s = good;
    s["model"].erase("P");
    expectRefused(s, "P");
  }

  // Filtering newer data in two steps equals one step; repeating seen
  // values changes nothing.
  void updateIsIncremental() {
    const TimeSeries y = airPassengers();
    const TimeSeries train = y.head(120);
    auto once = ModelFactory::create("arima(d=1,q=1,D=1,Q=1)");
    auto twice = ModelFactory::create("arima(d=1,q=1,D=1,Q=1)");
    once->fit(train);
    twice->fit(train);
    once->update(TimeSeries{y.name, y.frequency, y.dateAt(120), y.values.tail(24)});
    twice->update(TimeSeries{y.name, y.frequency, y.dateAt(120), y.values.segment(120, 10)});
    twice->update(TimeSeries{y.name, y.frequency, y.dateAt(125), y.values.tail(19)});
    const Forecast a = once->forecast(12, {95}), b = twice->forecast(12, {95});
    for (Eigen::Index h = 0; h < 12; ++h) QVERIFY(test::near(a.mean[h], b.mean[h], 1e-12));
    QCOMPARE(once->info().end, y.end());
    // Coefficients stay fixed.
    QCOMPARE(QString::fromStdString(once->params().dump()), QString::fromStdString(twice->params().dump()));
  }

  // A drift model keeps counting time after update().
  void driftContinuesAfterUpdate() {
    std::vector<double> v;
    for (int t = 0; t < 60; ++t) v.push_back(10 + 2.0 * t + std::sin(t * 1.3));
    const TimeSeries y = series(v, Frequency::Yearly);
    auto all = ModelFactory::create("arima(d=1,include_drift=true)");
    all->fit(y);
    auto part = ModelFactory::create("arima(d=1,include_drift=true)");
    part->fit(y.head(40));
    const double drift = part->params().at("drift").get<double>();
    part->update(TimeSeries{y.name, y.frequency, y.dateAt(40), y.values.tail(20)});
    const Forecast f = part->forecast(3, {80});
    // ARIMA(0,1,0) with drift: last value plus h drifts.
    for (int h = 0; h < 3; ++h) QVERIFY(test::near(f.mean[h], v.back() + (h + 1) * drift, 1e-12));
  }

  void fittedValuesAreDataMinusResiduals() {
    const TimeSeries y = airPassengers();
    auto m = ModelFactory::create("arima(p=2,d=1,q=1,D=1)");
    m->fit(y);
    QCOMPARE(m->fitted().size(), y.size());
    QVERIFY(m->fitted().allFinite());
    const Eigen::VectorXd e = m->residuals();
    QVERIFY(test::near(e.tail(24).squaredNorm() / 24, m->statistics().sigma2, 0.5));
  }

  // R: auto.arima on constant data is ARIMA(0,0,0) with the mean; zero-width intervals.
  void constantAndZeroSeries() {
    for (double level : {42.0, 0.0})
      for (const char* spec : {"auto_arima", "arima(p=2,q=2)", "arima(d=1,q=1)", "arima(q=1,D=1,period=7)"}) {
        auto m = ModelFactory::create(spec);
        m->fit(series(std::vector<double>(30, level), Frequency::Daily));
        const Forecast f = m->forecast(10, {95});
        QVERIFY2(f.mean.allFinite() && f.lower.allFinite(), spec);
        for (Eigen::Index h = 0; h < 10; ++h) QVERIFY2(test::near(f.mean[h], level, 1e-9, 1e-9), spec);
      }
    auto m = ModelFactory::create("auto_arima");
    m->fit(series(std::vector<double>(20, 42.0)));
    QCOMPARE(QString::fromStdString(m->params().at("model").get<std::string>()),
             QStringLiteral("ARIMA(0,0,0) with non-zero mean"));
    expectFlat(m->forecast(6, {95}), 42.0);
  }

  // Too little data for the orders: a warning and a simpler model, never a
  // crash or a non-finite forecast.
  void veryShortSeries() {
    for (int n : {1, 2, 3, 5})
      for (const char* spec : {"auto_arima", "arima(p=2,d=1,q=2)", "arima(p=1,q=1,P=1,D=1,Q=1)", "arima(d=2,q=1)"}) {
        std::vector<double> v;
        for (int t = 0; t < n; ++t) v.push_back(100 + 7.0 * t - (t % 2) * 3.0);
        auto m = ModelFactory::create(spec);
        m->fit(series(v));
        const Forecast f = m->forecast(12, {80, 95});
        QVERIFY2(f.mean.allFinite() && f.lower.allFinite() && f.upper.allFinite(), spec);
      }
    auto m = ModelFactory::create("arima(p=2,d=1,q=2)");
    m->fit(series({5, 7, 6}));
    QVERIFY(!m->warnings().empty());
    QVERIFY(m->warnings().back().find("instead") != std::string::npos);
  }

  // Values whose squares overflow: a clear InputError, not a NaN forecast.
  void hugeValuesAreRefused() {
    std::vector<double> v;
    for (int t = 0; t < 40; ++t) v.push_back(1e200 * (1 + 0.1 * ((t * 7) % 5)));
    for (const char* spec : {"auto_arima", "arima(p=1,d=1,q=1)"}) {
      auto m = ModelFactory::create(spec);
      try {
        m->fit(series(v));
        QFAIL("values of 1e200 were accepted");
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("too large") != std::string::npos, e.what());
      }
    }
  }

  // Inner gaps are interpolated by the base class (with a warning).
  void missingValues() {
    TimeSeries y = airPassengers();
    y.values[50] = std::nan("");
    y.values[51] = std::nan("");
    auto m = ModelFactory::create("auto_arima");
    m->fit(y);
    QVERIFY(!m->warnings().empty());
    QVERIFY(m->forecast(24, {95}).mean.allFinite());
  }

  void seasonalOrdersNeedAPeriod() {
    std::vector<double> v;
    for (int t = 0; t < 40; ++t) v.push_back(std::sin(t * 0.7) + 0.1 * t);
    auto m = ModelFactory::create("arima(p=1,P=1,D=1)");
    m->fit(series(v, Frequency::Yearly));
    QCOMPARE(m->warnings().size(), std::size_t{1});
    QVERIFY(m->warnings()[0].find("ignored") != std::string::npos);
    QCOMPARE(m->params().at("P").get<int>(), 0);
  }

  // The exhaustive search considers every order up to max_order.
  void exhaustiveSearchRespectsLimits() {
    auto m = ModelFactory::create("auto_arima(stepwise=false,max_order=2,max_p=2,max_q=2)");
    m->fit(test::arimaSeries("lynx"));
    const nlohmann::json p = m->params();
    QVERIFY(p.at("p").get<int>() + p.at("q").get<int>() <= 2);
    QVERIFY(p.at("models_tried").get<int>() > 0);
  }
};

QTEST_GUILESS_MAIN(ArimaForecasterTest)
#include "ArimaForecasterTest.moc"
