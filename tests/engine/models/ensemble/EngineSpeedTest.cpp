// How long calendar_regression, mstl and the default ensemble take to fit
// Adventure Works daily revenue (912 days), best of three: a printout for
// docs/models.md, not a pass mark (the machine's load decides the numbers).
//   build/<dir>/tests/engine/models/ensemble/test_engine_forecasting_speed
#include <QtTest/QtTest>

#include <chrono>

#include "TestSupport.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/models/ModelFactory.h"

using foresight::ModelFactory;
using foresight::TimeSeries;

class EngineSpeedTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void fitTimesOnAdventureWorksDaily() {
    const auto dir = foresight::test::sharedData("adventureworks");
    if (dir.empty()) return;
    const auto data = foresight::DataSourceLoader::loadOne(dir.string(), foresight::LoadOptions{});
    foresight::SeriesRequest request;
    request.measure = foresight::Measure::Revenue;
    const TimeSeries y = foresight::SeriesBuilder::build(data, request).series.front();
    QCOMPARE(y.size(), Eigen::Index{912});
    double total = 0;
    for (const char* spec : {"calendar_regression", "mstl", "ensemble"}) {
      double best = 1e9;
      for (int run = 0; run < 3; ++run) {
        auto m = ModelFactory::create(spec);
        const auto t0 = std::chrono::steady_clock::now();
        m->fit(y);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        const auto f = m->forecast(60, {80, 95});
        QVERIFY(f.mean.allFinite() && f.lower.allFinite() && f.upper.allFinite());
      }
      total += best;
      qInfo("%-20s fit %6.1f ms", spec, best * 1000);
    }
    qInfo("%-20s     %6.1f ms", "total", total * 1000);
  }
};

QTEST_GUILESS_MAIN(EngineSpeedTest)
#include "EngineSpeedTest.moc"
