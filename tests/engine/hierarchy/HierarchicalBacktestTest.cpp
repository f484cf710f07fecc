// The hierarchical backtest: scores laid out per method and level; with
// base forecasts that already add up (snaive is linear, so the snaive of a
// sum is the sum of the snaives) every method equals the base; on the
// Adventure Works territory hierarchy with ets the reconciled forecasts
// differ from the base and bestOverall picks the lowest mean MASE; a model
// that cannot be fitted stops the run naming the node and fold.
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/hierarchy/HierarchicalBacktest.h"

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
