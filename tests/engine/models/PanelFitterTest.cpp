#include <QtTest/QtTest>

#include "ModelTestData.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/PanelFitter.h"

using namespace foresight;
using foresight::test::airPassengers;
using foresight::test::makeSeries;

namespace {

// Twelve series: shifted windows of AirPassengers, one with no observed value.
Panel testPanel() {
  Panel p;
  const TimeSeries ap = airPassengers();
  for (int i = 0; i < 12; ++i) {
    TimeSeries s{"s" + std::to_string(i), Frequency::Monthly, ap.dateAt(i), ap.values.segment(i, 100 + i)};
    if (i == 5) s.values.setConstant(std::numeric_limits<double>::quiet_NaN());
    p.series.push_back(s);
  }
  return p;
}

std::string panelText(const PanelFitResult& r) {
  return ModelArtifact::toText(ModelArtifact::build(r.fitted(), true, [] { return std::string("fixed"); }));
}

}  // namespace

class PanelFitterTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void oneBadSeriesIsReportedAndTheOthersFit() {
    PanelFitOptions options;
    options.threads = 3;
    const auto result = PanelFitter(ModelSpec::parse("snaive"), options).fit(testPanel());
    QCOMPARE(result.models.size(), std::size_t(12));
    QCOMPARE(result.fitted().size(), std::size_t(11));
    QVERIFY(!result.models[5]);
    QCOMPARE(result.failures.size(), std::size_t(1));
    QCOMPARE(result.failures[0].series, std::string("s5"));
    QVERIFY2(result.failures[0].message.find("series 's5' has no observed") != std::string::npos,
             result.failures[0].message.c_str());
    QCOMPARE(result.models[7]->info().series, std::string("s7"));
  }
  void resultsDoNotDependOnTheThreadCount() {
    std::string reference;
    for (int threads : {1, 2, 4, 16}) {
      PanelFitOptions options;
      options.threads = threads;
      const std::string text = panelText(PanelFitter(ModelSpec::parse("drift"), options).fit(testPanel()));
      if (reference.empty()) reference = text;
      QCOMPARE(text, reference);
    }
  }
  void progressReachesOneOncePerSeries() {
    PanelFitOptions options;
    options.threads = 2;
    std::vector<double> fractions;  // the sink is called under a lock
    options.progress = [&](double f, std::string_view) { fractions.push_back(f); };
    (void)PanelFitter(ModelSpec::parse("naive"), options).fit(testPanel());
    QCOMPARE(fractions.size(), std::size_t(12));
    std::sort(fractions.begin(), fractions.end());
    QCOMPARE(fractions.back(), 1.0);
  }
  void cancellationStopsTheWork() {
    CancellationToken token;
    PanelFitOptions options;
    options.threads = 2;
    options.cancel = &token;
    token.cancel();
    QVERIFY_THROWS_EXCEPTION(CancelledError, (void)PanelFitter(ModelSpec::parse("naive"), options).fit(testPanel()));
    // Cancelling from the progress sink stops before the panel is done.
    CancellationToken midway;
    int calls = 0;
    options.cancel = &midway;
    options.threads = 1;
    options.progress = [&](double, std::string_view) {
      if (++calls == 3) midway.cancel();
    };
    QVERIFY_THROWS_EXCEPTION(CancelledError, (void)PanelFitter(ModelSpec::parse("naive"), options).fit(testPanel()));
    QCOMPARE(calls, 3);
  }
  void badSpecFailsOnceUpFront() {
    QVERIFY_THROWS_EXCEPTION(InputError, PanelFitter(ModelSpec::parse("snaive(period=0)")));
    QVERIFY_THROWS_EXCEPTION(InputError, PanelFitter(ModelSpec::parse("nosuch")));
  }
  void emptyPanelGivesEmptyResult() {
    const auto result = PanelFitter(ModelSpec::parse("naive")).fit(Panel{});
    QVERIFY(result.models.empty());
    QVERIFY(result.failures.empty());
  }
};

QTEST_GUILESS_MAIN(PanelFitterTest)
#include "PanelFitterTest.moc"
