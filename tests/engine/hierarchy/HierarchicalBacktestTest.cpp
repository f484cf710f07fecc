// The hierarchical backtest: scores laid out per method and level; with
// base forecasts that already add up (snaive is linear, so the snaive of a
// sum is the sum of the snaives) every method equals the base; on the
// Adventure Works territory hierarchy with ets the reconciled forecasts
// differ from the base and bestOverall picks the lowest mean MASE; the
// tables docs/hierarchies.md shows; a model that cannot be fitted stops the
// run naming the node and fold.
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/data/DataSourceLoader.h"
#include "Coherence.h"
#include "engine/hierarchy/HierarchicalBacktest.h"
#include "engine/hierarchy/HierarchicalForecast.h"

using namespace foresight;

namespace {

HierarchicalPanel territories() {
  const auto dir = test::sharedData("adventureworks");
  if (dir.empty()) return {};
  return HierarchicalSeries::build(DataSourceLoader::loadOne(dir.string(), {}), SeriesRequest{},
                                   *HierarchicalSeries::parseLevels("territory"));
}

HierarchicalBacktestConfig config(const std::string& model) {
  HierarchicalBacktestConfig c;
  c.backtest.folds = 3;
  c.backtest.horizon = 14;
  c.backtest.threads = 2;
  c.model = model;
  c.methods = {ReconcileMethod::BottomUp, ReconcileMethod::Ols, ReconcileMethod::MintShrink};
  return c;
}

}  // namespace

class HierarchicalBacktestTest : public QObject {
  Q_OBJECT
  HierarchicalPanel h_;

 private Q_SLOTS:
  void initTestCase() {
    h_ = territories();
    QCOMPARE(h_.hierarchy.size(), 20);
  }

  void coherentBaseForecastsAreLeftAsTheyAre() {
    const HierarchicalBacktestResult r = HierarchicalBacktest::run(h_, config("snaive"));
    // 4 methods (base first) x (4 levels + all).
    QCOMPARE(r.scores.size(), std::size_t(20));
    QCOMPARE(r.scores[0].method, std::string("base"));
    QCOMPARE(r.scores[0].level, std::string("total"));
    QCOMPARE(r.scores[3].level, std::string("territory"));
    QCOMPARE(r.scores[3].nodes, 10);
    QCOMPARE(r.scores[4].level, std::string("all"));
    QCOMPARE(r.scores[4].nodes, 20);
    QCOMPARE(r.scores[19].method, std::string("mint_shrink"));
    for (std::size_t m = 1; m < 4; ++m)
      for (std::size_t i = 0; i < 5; ++i) {
        QVERIFY(test::near(r.scores[m * 5 + i].mase, r.scores[i].mase, 1e-9));
        QVERIFY(test::near(r.scores[m * 5 + i].rmsse, r.scores[i].rmsse, 1e-9));
      }
  }

  void reconciliationChangesIncoherentForecastsAndTheBestIsTheLowest() {
    HierarchicalBacktestConfig c = config("theta");
    c.nonNegative = true;
    const HierarchicalBacktestResult r = HierarchicalBacktest::run(h_, c);
    QVERIFY(std::abs(r.scores[5].mase - r.scores[0].mase) > 1e-6);  // bottom_up's total differs from base's
    double lowest = 1e300;
    std::string best;
    for (const auto& s : r.scores)
      if (s.depth < 0 && s.mase < lowest) {
        lowest = s.mase;
        best = s.method;
      }
    QCOMPARE(r.bestOverall(), best);
    // The same whatever the thread count.
    c.backtest.threads = 1;
    const HierarchicalBacktestResult one = HierarchicalBacktest::run(h_, c);
    for (std::size_t i = 0; i < r.scores.size(); ++i) QCOMPARE(one.scores[i].mase, r.scores[i].mase);
  }

  // The figures docs/hierarchies.md prints: 5 folds x 28 days, all levels'
  // mean MASE to the 3 decimals shown, and which method is best.
  void theDocumentedAdventureWorksTables() {
    const auto dir = test::sharedData("adventureworks");
    QVERIFY(!dir.empty());
    HierarchicalBacktestConfig c;
    c.backtest.folds = 5;
    c.backtest.horizon = 28;
    c.methods = {ReconcileMethod::BottomUp, ReconcileMethod::TopDownFp, ReconcileMethod::MiddleOut,
                 ReconcileMethod::Ols,      ReconcileMethod::WlsStruct, ReconcileMethod::WlsVar,
                 ReconcileMethod::MintShrink};
    c.middleDepth = 2;
    c.nonNegative = true;
    c.model = "ets";
    const auto allLevels = [](const HierarchicalBacktestResult& r) {
      std::vector<double> mase;
      for (const auto& s : r.scores)
        if (s.depth < 0) mase.push_back(std::round(s.mase * 1000) / 1000);
      return mase;
    };
    const HierarchicalBacktestResult t = HierarchicalBacktest::run(h_, c);
    QCOMPARE(allLevels(t), (std::vector<double>{1.210, 1.209, 1.217, 1.210, 1.931, 1.780, 1.212, 1.213}));
    QCOMPARE(t.bestOverall(), std::string("bottom_up"));
    SeriesRequest quantity;
    quantity.measure = Measure::Quantity;
    const HierarchicalPanel products = HierarchicalSeries::build(DataSourceLoader::loadOne(dir.string(), {}), quantity,
                                                                 *HierarchicalSeries::parseLevels("product"));
    c.bottomModel = "croston(type=sba)";
    const HierarchicalBacktestResult p = HierarchicalBacktest::run(products, c);
    QCOMPARE(allLevels(p), (std::vector<double>{2.510, 2.519, 2.483, 2.473, 2.509, 2.489, 2.467, 2.286}));
    QCOMPARE(p.bestOverall(), std::string("mint_shrink"));
    // TSB at the bottom: the product level's MASE.
    c.bottomModel = "tsb";
    c.methods = {ReconcileMethod::BottomUp, ReconcileMethod::MintShrink};
    const HierarchicalBacktestResult tsb = HierarchicalBacktest::run(products, c);
    QCOMPARE(std::round(tsb.scores[3].mase * 1000) / 1000, 2.241);   // base, products
    QCOMPARE(std::round(tsb.scores[13].mase * 1000) / 1000, 2.263);  // mint_shrink, products
    QCOMPARE(allLevels(tsb), (std::vector<double>{2.253, 2.248, 2.269}));
    // territory*category (80 nodes), ets at every node: the methods a
    // grouped structure takes.
    const HierarchicalPanel grouped = HierarchicalSeries::build(DataSourceLoader::loadOne(dir.string(), {}),
                                                                SeriesRequest{},
                                                                *HierarchicalSeries::parseLevels("territory*category"));
    QCOMPARE(grouped.hierarchy.size(), 80);
    c.bottomModel.clear();
    c.methods = {ReconcileMethod::BottomUp, ReconcileMethod::TopDownAhp, ReconcileMethod::Ols,
                 ReconcileMethod::WlsStruct, ReconcileMethod::WlsVar, ReconcileMethod::MintShrink};
    const HierarchicalBacktestResult g = HierarchicalBacktest::run(grouped, c);
    QCOMPARE(allLevels(g), (std::vector<double>{2.030, 2.029, 2.783, 2.850, 2.637, 2.030, 2.036}));
    QCOMPARE(g.bestOverall(), std::string("bottom_up"));
  }

  // The forecast of the whole hierarchy: coherent means, intervals around
  // them that widen with the level, held at 0 with nonNegative, and the
  // same means as the reconciler gives for the same base forecasts.
  void forecastIsCoherentWithIntervals() {
    HierarchicalForecastConfig c;
    c.model = "ets";
    c.horizon = 14;
    c.levels = {95, 80};
    c.reconcile.method = ReconcileMethod::MintShrink;
    c.reconcile.nonNegative = true;
    const HierarchicalForecastResult r = HierarchicalForecast::run(h_, c);
    QCOMPARE(r.forecast.panel.series.size(), std::size_t(20));
    QCOMPARE(r.forecast.panel.series.front().start, *Date::fromYmd(2017, 7, 1));
    Eigen::MatrixXd y(20, 14);
    for (int i = 0; i < 20; ++i) y.row(i) = r.forecast.panel.series[static_cast<std::size_t>(i)].values;
    QVERIFY(test::incoherence(h_.hierarchy, y) < 1e-12);
    QVERIFY(r.lambda.has_value());
    QCOMPARE(r.intervals.size(), std::size_t(20));
    for (const Forecast& f : r.intervals) {
      QCOMPARE(f.levels, (std::vector<double>{80, 95}));
      for (Eigen::Index s = 0; s < 14; ++s) {
        QVERIFY(f.lower(s, 1) <= f.lower(s, 0) && f.lower(s, 0) <= f.mean[s]);
        QVERIFY(f.mean[s] <= f.upper(s, 0) && f.upper(s, 0) < f.upper(s, 1));
        QVERIFY(f.lower(s, 1) >= 0);
      }
    }
    // The total's interval is wider than any one territory's.
    QVERIFY(r.intervals.front().upper(0, 1) - r.intervals.front().mean[0] >
            r.intervals.back().upper(0, 1) - r.intervals.back().mean[0]);
    // A method without intervals is refused when levels are asked for.
    c.reconcile.method = ReconcileMethod::TopDownFp;
    try {
      HierarchicalForecast::run(h_, c);
      QFAIL("top-down intervals");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("top_down_fp") != std::string::npos, e.what());
    }
    c.levels.clear();
    QCOMPARE(HierarchicalForecast::run(h_, c).intervals.size(), std::size_t(0));
  }

  void aModelThatCannotBeFittedStopsTheRunNamingIt() {
    HierarchicalBacktestConfig c = config("snaive");
    c.bottomModel = "croston";  // revenue never goes negative, but a return would
    HierarchicalPanel withReturn = h_;
    withReturn.panel.series.back().values[100] = -5;
    try {
      HierarchicalBacktest::run(withReturn, c);
      QFAIL("fitted a negative demand");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("fold 1, 'Pacific/Australia/Australia'") != std::string::npos, e.what());
    }
    c.model = "nonsense";
    try {
      HierarchicalBacktest::run(h_, c);
      QFAIL("ran an unknown model");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("nonsense") != std::string::npos, e.what());
    }
  }
};

QTEST_GUILESS_MAIN(HierarchicalBacktestTest)
#include "HierarchicalBacktestTest.moc"
