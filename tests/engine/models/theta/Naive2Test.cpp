// naive2 against the M4 organisers' Naive2 (R's naive() on the
// deseasonalised data, reseasonalised), with update, save/load and
// degenerate inputs.
#include <QtTest/QtTest>

#include <cmath>

#include "../ModelTestData.h"
#include "AdventureWorksRevenue.h"
#include "TestSupport.h"
#include "ThetaReference.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;
namespace ref = foresight::test::thetaref;

namespace {

void compareSeries(const Eigen::VectorXd& got, const std::vector<double>& expected, double tol, const char* what) {
  QVERIFY2(got.size() == static_cast<Eigen::Index>(expected.size()), what);
  for (Eigen::Index i = 0; i < got.size(); ++i)
    QVERIFY2(test::near(got[i], expected[static_cast<std::size_t>(i)], tol),
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

class Naive2Test : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void matchesTheM4Benchmark() {
    struct Case {
      const char* name;
      TimeSeries y;
      std::string spec;
      int horizon;
      bool seasonal;
      const std::vector<double>*mean, *lo80, *hi95;
    };
    std::vector<Case> cases = {
        {"AirPassengers", test::airPassengers(), "naive2", 18, ref::kAirPassengersM4Seasonal,
         &ref::kAirPassengersNaive2Mean, &ref::kAirPassengersNaive2Lower80, &ref::kAirPassengersNaive2Upper95},
        {"UKgas", test::makeSeries(ref::kUKgas, Frequency::Quarterly, "UKgas"), "naive2", 8, ref::kUKgasM4Seasonal,
         &ref::kUKgasNaive2Mean, &ref::kUKgasNaive2Lower80, &ref::kUKgasNaive2Upper95},
    };
    const TimeSeries w1 = test::m4Weekly(1), w100 = test::m4Weekly(100);
    // Weekly at the default period 52: the M4 test never finds a season.
    if (!w1.empty())
      cases.push_back({"W1", w1, "naive2", 13, false, &ref::kW1Naive2Mean, &ref::kW1Naive2Lower80,
                       &ref::kW1Naive2Upper95});
    if (!w100.empty())
      cases.push_back({"W100", w100, "naive2(period=1)", 13, false, &ref::kW100Naive2Mean,
                       &ref::kW100Naive2Lower80, &ref::kW100Naive2Upper95});
    const TimeSeries aw = test::adventureWorksMonthlyRevenue();
    if (!aw.empty())
      cases.push_back({"AdventureWorks", aw, "naive2", 12, ref::kAdventureWorksM4Seasonal,
                       &ref::kAdventureWorksNaive2Mean, &ref::kAdventureWorksNaive2Lower80,
                       &ref::kAdventureWorksNaive2Upper95});
    for (const Case& c : cases) {
      auto model = fitted(c.spec, c.y);
      QCOMPARE(model->params()["seasonal"].get<bool>(), c.seasonal);
      const Forecast f = model->forecast(c.horizon, {95, 80});
      compareSeries(f.mean, *c.mean, 1e-12, c.name);
      compareSeries(f.lower.col(0), *c.lo80, 1e-12, c.name);
      compareSeries(f.upper.col(1), *c.hi95, 1e-12, c.name);
    }
  }
  void withoutASeasonItIsNaive() {
    const TimeSeries ap = test::airPassengers();
    const Forecast a = fitted("naive2(seasonal=none)", ap)->forecast(12, {80, 95});
    const Forecast b = fitted("naive", ap)->forecast(12, {80, 95});
    QVERIFY(a.mean.isApprox(b.mean, 1e-14));
    QVERIFY(a.lower.isApprox(b.lower, 1e-14));
    QVERIFY(a.upper.isApprox(b.upper, 1e-14));
  }
  void updateEqualsRefitWithTheSameIndices() {
    // The indices are learned once; after update the forecast is the last
    // adjusted value times the indices that continue the cycle.
    const TimeSeries ap = test::airPassengers();
    auto model = fitted("naive2", ap.head(130));
    const std::vector<double> idx = model->params()["seasonal_indices"].get<std::vector<double>>();
    model->update(ap);
    const Forecast f = model->forecast(14, {80});
    const double last = ap.values[143] / idx[143 % 12];
    for (int j = 0; j < 14; ++j) FORESIGHT_COMPARE_NEAR(f.mean[j], last * idx[(144 + j) % 12], 1e-13);
    QCOMPARE(f.start, *Date::fromYmd(1961, 1, 1));
  }
  void savesAndLoadsExactly() {
    auto model = fitted("naive2", test::airPassengers());
    auto loaded = ModelFactory::create("naive2");
    loaded->loadState(nlohmann::json::parse(model->saveState().dump()), model->info());
    QVERIFY(sameForecast(model->forecast(30, {80, 95}), loaded->forecast(30, {80, 95})));
    nlohmann::json bad = model->saveState();
    bad["model"]["count"] = 500;
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("naive2")->loadState(bad, model->info()));
    bad = model->saveState();
    bad["model"]["seasonal"]["indices"][0] = "x";
    QVERIFY_THROWS_EXCEPTION(InputError, ModelFactory::create("naive2")->loadState(bad, model->info()));
  }
  void degenerateInputs() {
    for (const char* spec : {"naive2", "naive2(seasonal=multiplicative)"}) {
      for (const std::vector<double>& v :
           {std::vector<double>(40, 3.0), std::vector<double>(40, 0.0), std::vector<double>{9.0},
            std::vector<double>{0, 0, 4, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}}) {
        auto model = fitted(spec, test::makeSeries(v));
        const Forecast f = model->forecast(13, {80, 95});
        QVERIFY(f.mean.allFinite() && f.lower.allFinite() && f.upper.allFinite());
      }
    }
    auto one = fitted("naive2", test::makeSeries({9.0}));
    const Forecast f = one->forecast(3, {95});
    QCOMPARE(f.mean[2], 9.0);
    QCOMPARE(f.lower(2, 0), 9.0);  // zero-width, documented with a warning
    QVERIFY(!one->warnings().empty());
    std::vector<double> alternating;
    for (int t = 0; t < 30; ++t) alternating.push_back(t % 2 ? 1e307 : -1e307);
    QVERIFY_THROWS_EXCEPTION(InputError, fitted("naive2", test::makeSeries(alternating)));
    auto zeros = fitted("naive2(seasonal=multiplicative)", test::makeSeries(std::vector<double>(40, 0.0)));
    QCOMPARE(zeros->params()["seasonal"].get<bool>(), false);
    QVERIFY(!zeros->warnings().empty());
  }
};

QTEST_GUILESS_MAIN(Naive2Test)
#include "Naive2Test.moc"
