// Series building: frequencies, aggregations, gap policies, date windows,
// and the requests that make no sense for a dataset.
#include <QtTest/QtTest>
#include <cmath>

#include "DataFixtures.h"
#include "engine/data/ColumnMappedLoader.h"
#include "engine/data/SeriesBuilder.h"

using namespace foresight;
using test::errorOf;
using test::mentions;

namespace {

// date,value[,series] rows in memory, loaded as a generic table.
LoadedData table(const std::vector<std::vector<std::string>>& rows, bool withSeries = false) {
  RawTable t;
  t.source = "memory.csv";
  t.header = withSeries ? std::vector<std::string>{"date", "value", "series"} : std::vector<std::string>{"date", "value"};
  t.hadHeader = true;
  t.rows = rows;
  for (std::size_t i = 0; i < rows.size(); ++i) t.lineNumbers.push_back(i + 2);
  return ColumnMappedLoader::load(t, "memory.csv", "delimited", "delimited file", {});
}

Date day(const char* iso) { return *Date::parseIso(iso); }

}  // namespace

class SeriesBuilderTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void weeklyPeriodsStartOnMonday() {
    // 2020-01-01 is a Wednesday; its week starts on Monday 2019-12-30.
    const LoadedData d = table({{"2020-01-01", "1"}, {"2020-01-05", "2"}, {"2020-01-06", "4"}});
    SeriesRequest r;
    r.frequency = Frequency::Weekly;
    const TimeSeries s = SeriesBuilder::build(d, r).series.front();
    QCOMPARE(s.start.toIso(), std::string("2019-12-30"));
    QCOMPARE(s.size(), Eigen::Index{2});
    QCOMPARE(s.values[0], 3.0);
    QCOMPARE(s.values[1], 4.0);
  }

  void monthlyMeanAndCount() {
    const LoadedData d = table({{"2020-01-10", "1"}, {"2020-01-20", "3"}, {"2020-03-05", "10"}});
    SeriesRequest r;
    r.frequency = Frequency::Monthly;
    r.aggregation = Aggregation::Mean;
    const TimeSeries mean = SeriesBuilder::build(d, r).series.front();
    QCOMPARE(mean.size(), Eigen::Index{3});
    QCOMPARE(mean.values[0], 2.0);
    QVERIFY(std::isnan(mean.values[1]));  // mean leaves gaps missing by default
    QCOMPARE(mean.values[2], 10.0);
    r.aggregation = Aggregation::Count;
    const TimeSeries count = SeriesBuilder::build(d, r).series.front();
    QCOMPARE(count.values[0], 2.0);
    QCOMPARE(count.values[1], 0.0);
  }

  void gapPolicies() {
    const LoadedData d = table({{"2020-01-01", "1"}, {"2020-01-04", "7"}});
    SeriesRequest r;
    QCOMPARE(SeriesBuilder::build(d, r).series.front().values[1], 0.0);
    r.fill = GapPolicy::Interpolate;
    const TimeSeries lin = SeriesBuilder::build(d, r).series.front();
    QCOMPARE(lin.values[1], 3.0);
    QCOMPARE(lin.values[2], 5.0);
    r.fill = GapPolicy::None;
    QVERIFY(std::isnan(SeriesBuilder::build(d, r).series.front().values[2]));
  }

  void interpolationLeavesTheEdgesOfAGroupMissing() {
    const LoadedData d = table({{"2020-01-01", "1", "a"}, {"2020-01-03", "3", "b"}, {"2020-01-05", "5", "b"}}, true);
    SeriesRequest r;
    r.groupBy = Dimension::Series;
    r.fill = GapPolicy::Interpolate;
    const Panel p = SeriesBuilder::build(d, r);
    const TimeSeries& b = *p.find("b");
    QCOMPARE(b.size(), Eigen::Index{5});  // every series spans the panel's whole range
    QVERIFY(std::isnan(b.values[0]));
    QCOMPARE(b.values[3], 4.0);
    QVERIFY(std::isnan(p.find("a")->values[4]));
  }

  void fromAndToCutTheWindowAndExtendIt() {
    const LoadedData d = table({{"2020-01-01", "1"}, {"2020-01-02", "2"}, {"2020-01-03", "3"}});
    SeriesRequest r;
    r.from = day("2020-01-02");
    r.to = day("2020-01-05");
    const TimeSeries s = SeriesBuilder::build(d, r).series.front();
    QCOMPARE(s.start.toIso(), std::string("2020-01-02"));
    QCOMPARE(s.size(), Eigen::Index{4});
    QCOMPARE(s.values.sum(), 5.0);
    QCOMPARE(s.values[3], 0.0);
  }

  void windowWithoutRowsIsAUsageError() {
    const LoadedData d = table({{"2020-01-01", "1"}});
    SeriesRequest r;
    r.from = day("2021-01-01");
    const std::string m = errorOf([&] { SeriesBuilder::build(d, r); });
    QVERIFY2(mentions(m, {"usage: ", "no rows between 2021-01-01", "2020-01-01 to 2020-01-01"}), m.c_str());
    r.to = day("2020-06-01");
    QVERIFY(mentions(errorOf([&] { SeriesBuilder::build(d, r); }), {"usage: ", "is after --to"}));
  }

  void unavailableMeasureOrGroupingIsAUsageError() {
    const LoadedData d = table({{"2020-01-01", "1"}});
    SeriesRequest r;
    r.measure = Measure::Revenue;
    QVERIFY(mentions(errorOf([&] { SeriesBuilder::build(d, r); }), {"usage: ", "'revenue'", "available: amount"}));
    r.measure.reset();
    r.groupBy = Dimension::Territory;
    QVERIFY(mentions(errorOf([&] { SeriesBuilder::build(d, r); }), {"usage: ", "territory", "available: none"}));
  }

  void absurdDateRangeIsRefusedBeforeAllocating() {
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < 70; ++i) rows.push_back({i ? "2016-01-01" : "0016-01-01", "1", "s" + std::to_string(i)});
    const LoadedData d = table(rows, true);
    SeriesRequest r;
    r.groupBy = Dimension::Series;
    const std::string m = errorOf([&] { SeriesBuilder::build(d, r); });
    QVERIFY2(mentions(m, {"usage: ", "70 series x 730486 periods", "from 0016-01-01 to 2016-01-01", "check the dates"}), m.c_str());
    r.groupBy.reset();
    QCOMPARE(SeriesBuilder::build(d, r).series.front().size(), Eigen::Index{730486});  // one series still fits
  }

  void largeMoneyKeepsItsCents() {
    // 9,999,999.99 + 0.01 per day: a double sum of many such days would drift;
    // the decimal sum does not.
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < 1000; ++i) rows.push_back({"2020-01-01", "9999999.99"});
    rows.push_back({"2020-01-01", "0.01"});
    const LoadedData d = table(rows);
    QCOMPARE(SeriesBuilder::build(d, {}).series.front().values[0], 9999999990.01);
    QCOMPARE(SeriesBuilder::toDouble(*Decimal::parse("9999999990.01")), 9999999990.01);
  }
};

QTEST_GUILESS_MAIN(SeriesBuilderTest)
#include "SeriesBuilderTest.moc"
