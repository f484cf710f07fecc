// The Syntetos-Boylan demand classes (DemandPattern): hand-checkable series
// for each class and each rule (ADI counted as Croston does, inactive after
// an improbable run of zeros of at least 28 days, not_demand for negative
// values, missing periods left out), then the counts docs/data.md gives for
// the Adventure Works product and territory series.
#include <QtTest/QtTest>

#include <cmath>
#include <map>

#include "TestSupport.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/DemandPattern.h"
#include "engine/data/SeriesBuilder.h"

using namespace foresight;

namespace {

TimeSeries daily(std::vector<double> v) {
  return TimeSeries{"s", Frequency::Daily, *Date::fromYmd(2020, 1, 1),
                    Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()))};
}

std::map<std::string, int> classCounts(Dimension by, Measure measure) {
  const auto dir = test::sharedData("adventureworks");
  if (dir.empty()) return {};
  SeriesRequest request;
  request.measure = measure;
  request.groupBy = by;
  std::map<std::string, int> counts;
  for (const auto& s : SeriesBuilder::build(DataSourceLoader::loadOne(dir.string(), {}), request).series)
    ++counts[std::string(demandClassName(DemandPattern::of(s).demandClass))];
  return counts;
}

}  // namespace

class DemandPatternTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void classesByHand_data() {
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<double>("adi");
    QTest::addColumn<double>("cv2");
    // Demand every day, sizes 10 and 12: CV² = sample variance 4/3 / mean² 121.
    QTest::newRow("smooth") << std::vector<double>{10, 12, 10, 12} << "smooth" << 1.0 << 4.0 / 3 / 121;
    // Every day, sizes 1 and 9: variance 64/3 / mean² 25.
    QTest::newRow("erratic") << std::vector<double>{1, 9, 1, 9} << "erratic" << 1.0 << 64.0 / 3 / 25;
    // Demands at positions 1, 3, 5: ADI (5 + 1) / 3 = 2; equal sizes.
    QTest::newRow("intermittent") << std::vector<double>{0, 4, 0, 4, 0, 4} << "intermittent" << 2.0 << 0.0;
    QTest::newRow("lumpy") << std::vector<double>{0, 1, 0, 9, 0, 1, 0, 9} << "lumpy" << 2.0 << 64.0 / 3 / 25;
  }
  void classesByHand() {
    QFETCH(std::vector<double>, values);
    QFETCH(QString, expected);
    QFETCH(double, adi);
    QFETCH(double, cv2);
    const DemandPattern p = DemandPattern::of(daily(values));
    QCOMPARE(QString::fromUtf8(demandClassName(p.demandClass).data()), expected);
    QCOMPARE(p.adi, adi);
    QVERIFY(std::abs(p.cv2 - cv2) < 1e-15);
  }

  void aValueAtACutBelongsToTheClassAbove() {
    // 100 demands over 132 periods: ADI 132 / 100 = 1.32, the cut itself.
    std::vector<double> v(132, 5.0);
    for (int i = 0; i < 32; ++i) v[static_cast<std::size_t>(i * 4)] = 0;
    const DemandPattern p = DemandPattern::of(daily(v));
    QCOMPARE(p.adi, DemandPattern::kAdiCut);
    QCOMPARE(p.demandClass, DemandClass::Intermittent);
  }

  void trailingZerosMakeInactiveOnlyWhenImprobableAndLong() {
    // Demand every other day (ADI 2): 27 trailing zeros are improbable
    // (0.5^27) but shorter than 28 days; 28 are both.
    std::vector<double> v;
    for (int i = 0; i < 40; ++i) v.push_back(i % 2 ? 3.0 : 0.0);
    std::vector<double> shortRun = v, longRun = v;
    shortRun.insert(shortRun.end(), 27, 0.0);
    longRun.insert(longRun.end(), 28, 0.0);
    QCOMPARE(DemandPattern::of(daily(shortRun)).demandClass, DemandClass::Intermittent);
    QCOMPARE(DemandPattern::of(daily(longRun)).demandClass, DemandClass::Inactive);
    QCOMPARE(DemandPattern::of(daily(longRun)).trailingZeros, 28LL);
    // A rare seller (ADI 20): 40 zeros are likely at that rate (0.95^40 = 0.13).
    std::vector<double> rare;
    for (int i = 0; i < 400; ++i) rare.push_back(i % 20 == 19 ? 1.0 : 0.0);
    rare.insert(rare.end(), 40, 0.0);
    QCOMPARE(DemandPattern::of(daily(rare)).adi, 20.0);
    QCOMPARE(DemandPattern::of(daily(rare)).demandClass, DemandClass::Intermittent);
    // Weekly data needs 8 periods.
    TimeSeries weekly = daily(longRun);
    weekly.frequency = Frequency::Weekly;
    QCOMPARE(DemandPattern::minInactiveRun(Frequency::Weekly), 8LL);
    QCOMPARE(DemandPattern::of(weekly).demandClass, DemandClass::Inactive);
  }

  void noDemandNegativesAndMissingPeriods() {
    const DemandPattern none = DemandPattern::of(daily({0, 0, 0}));
    QCOMPARE(none.demandClass, DemandClass::Inactive);
    QVERIFY(std::isnan(none.adi) && std::isnan(none.cv2));
    QCOMPARE(none.zeroShare, 1.0);
    QCOMPARE(DemandPattern::of(daily({3, -1, 2})).demandClass, DemandClass::NotDemand);
    // Missing periods count neither as demand nor as zero.
    const double nan = std::nan("");
    const DemandPattern gaps = DemandPattern::of(daily({nan, 0, 4, nan, 0, 4}));
    QCOMPARE(gaps.periods, 4LL);
    QCOMPARE(gaps.adi, 2.0);
    QCOMPARE(gaps.zeroShare, 0.5);
    QCOMPARE(parseDemandClass("lumpy"), std::optional<DemandClass>(DemandClass::Lumpy));
    QVERIFY(!parseDemandClass("Lumpy"));
  }

  // The counts docs/data.md states.
  void adventureWorksProductsAndTerritories() {
    const auto products = classCounts(Dimension::Product, Measure::Quantity);
    QCOMPARE(products, (std::map<std::string, int>{{"intermittent", 102}, {"inactive", 28}}));
    const auto territories = classCounts(Dimension::Territory, Measure::Revenue);
    QCOMPARE(territories,
             (std::map<std::string, int>{{"smooth", 1}, {"erratic", 1}, {"intermittent", 1}, {"lumpy", 7}}));
  }
};

QTEST_GUILESS_MAIN(DemandPatternTest)
#include "DemandPatternTest.moc"
