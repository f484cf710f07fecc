// The real Adventure Works export in ../shared/data: every order line loads
// and the daily revenue series adds up, to the cent, to a total computed here
// independently from the raw files.
#include <QtTest/QtTest>
#include <sstream>

#include "AwRawTotals.h"
#include "DataFixtures.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/data/SeriesCsv.h"
#include "engine/io/Decimal.h"

using namespace foresight;
using foresight::test::sharedData;

namespace {

// Sum of a series' values read back exactly from their CSV text.
long long csvTotal(const Panel& p) {
  std::ostringstream out;
  SeriesCsv::write(out, p);
  const auto rows = test::lines(out.str());
  Decimal sum;
  for (std::size_t i = 1; i < rows.size(); ++i) sum += *Decimal::parse(rows[i].substr(rows[i].rfind(',') + 1));
  return sum.units() / 100;  // Decimal has 1e-6 units; 1e-4 here
}

}  // namespace

class AdventureWorksRealDataTest : public QObject {
  Q_OBJECT
  std::filesystem::path dir_;
  LoadedData data_;
  test::AwRawTotals raw_;

 private Q_SLOTS:
  void initTestCase() {
    dir_ = sharedData("adventureworks");
    if (dir_.empty()) return;
    data_ = DataSourceLoader::loadOne(dir_.string(), {});
    raw_ = test::AwRawTotals::of(dir_);
  }

  void everyOrderLineLoads() {
    QVERIFY(!dir_.empty());
    QCOMPARE(raw_.orderLines, std::size_t{56046});
    QCOMPARE(data_.rowsRead, std::size_t{56046});
    QCOMPARE(data_.facts.rowCount(), std::size_t{56046});
    QCOMPARE(data_.rowsRejected, std::size_t{0});
    QVERIFY(!data_.findings.hasErrors());
    QCOMPARE(data_.kind, std::string("adventureworks"));
  }

  void dailyRevenueIs912DaysAndAddsUpToTheCent() {
    SeriesRequest req;
    req.measure = Measure::Revenue;
    const Panel p = SeriesBuilder::build(data_, req);
    QCOMPARE(p.series.size(), std::size_t{1});
    const TimeSeries& s = p.series.front();
    QCOMPARE(s.name, std::string("revenue"));
    QCOMPARE(s.size(), Eigen::Index{912});
    QCOMPARE(s.start.toIso(), std::string("2015-01-01"));
    QCOMPARE(s.end().toIso(), std::string("2017-06-30"));
    QCOMPARE(csvTotal(p), raw_.revenue);
    QCOMPARE(raw_.revenue, 249145868193LL);  // 24,914,586.8193, also committed as a literal
    // The one day without orders (2016-02-29) is a zero under the default --fill zero.
    const Eigen::Index leapDay = *Date::fromYmd(2016, 2, 29) - s.start;
    QCOMPARE(s.values[leapDay], 0.0);
    QCOMPARE((s.values.array() == 0.0).count(), Eigen::Index{1});
  }

  void tenTerritorySeriesAddUpToTheSameTotal() {
    SeriesRequest req;
    req.groupBy = Dimension::Territory;
    const Panel p = SeriesBuilder::build(data_, req);
    QCOMPARE(p.series.size(), std::size_t{10});
    QCOMPARE(raw_.byTerritoryKey.size(), std::size_t{10});
    QCOMPARE(csvTotal(p), raw_.revenue);
    for (const auto& s : p.series) QCOMPARE(s.size(), Eigen::Index{912});
    // Territory 7 is France in AdventureWorks_Territories.csv.
    QCOMPARE(csvTotal(Panel{{*p.find("France")}}), raw_.byTerritoryKey.at("7"));
  }

  void otherGroupingsHaveTheirKnownSizes() {
    const std::vector<std::pair<Dimension, std::size_t>> expected = {
        {Dimension::Region, 3}, {Dimension::Country, 6}, {Dimension::Category, 3},
        {Dimension::Subcategory, 17}, {Dimension::Product, 130}};
    for (const auto& [dim, n] : expected) {
      SeriesRequest req;
      req.groupBy = dim;
      req.frequency = Frequency::Monthly;
      const Panel p = SeriesBuilder::build(data_, req);
      QCOMPARE(p.series.size(), n);
      QCOMPARE(csvTotal(p), raw_.revenue);
    }
  }

  void weeklyAndMonthlyTotalsAreTheSame() {
    for (Frequency f : {Frequency::Weekly, Frequency::Monthly}) {
      SeriesRequest req;
      req.frequency = f;
      const Panel p = SeriesBuilder::build(data_, req);
      QCOMPARE(csvTotal(p), raw_.revenue);
    }
    SeriesRequest monthly;
    monthly.frequency = Frequency::Monthly;
    QCOMPARE(SeriesBuilder::build(data_, monthly).series.front().size(), Eigen::Index{30});
  }

  void ordersCountDistinctOrderNumbersPerDay() {
    SeriesRequest req;
    req.measure = Measure::Orders;
    const TimeSeries s = SeriesBuilder::build(data_, req).series.front();
    QCOMPARE(s.values.sum(), static_cast<double>(raw_.dateOrders.size()));
    QCOMPARE(s.name, std::string("orders"));
  }

  void quantityAndCostAddUp() {
    SeriesRequest req;
    req.measure = Measure::Quantity;
    QCOMPARE(SeriesBuilder::build(data_, req).series.front().values.sum(), 84174.0);
    req.measure = Measure::Cost;
    QCOMPARE(csvTotal(SeriesBuilder::build(data_, req)), raw_.cost);
  }
};

QTEST_GUILESS_MAIN(AdventureWorksRealDataTest)
#include "AdventureWorksRealDataTest.moc"
