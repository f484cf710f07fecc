// The sample goes through the same loader and series builder as the real
// export: every row is accepted, and the daily revenue series shows exactly
// the documented gaps (zeros with the default fill) and level shift.
#include <QtTest/QtTest>

#include <cmath>
#include <set>

#include "TestSupport.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/DataValidator.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/sample/SampleDataGenerator.h"

using foresight::Date;
using foresight::SampleDataGenerator;
using foresight::SampleDataOptions;

namespace {
double mean(const foresight::TimeSeries& s, Date from, Date to) {
  double sum = 0;
  for (Date d = from; d < to; d = d.addDays(1)) sum += s.values[d - s.start];
  return sum / (to - from);
}
}  // namespace

class SampleLoaderTest : public QObject {
  Q_OBJECT
  foresight::SampleDataSummary summary_;
  foresight::LoadedData data_;

 private Q_SLOTS:
  void initTestCase() {
    const auto dir = foresight::test::makeTempDir("sample-loader");
    summary_ = SampleDataGenerator::write(dir, SampleDataOptions{});
    data_ = foresight::DataSourceLoader::loadOne(dir.string(), foresight::LoadOptions{});
  }

  void loadsAsAnAdventureWorksExportWithoutRejects() {
    QCOMPARE(data_.kind, std::string("adventureworks"));
    QCOMPARE(data_.rowsRead, summary_.orderLines);
    QCOMPARE(data_.rowsRejected, std::size_t{0});
    QVERIFY(!data_.findings.hasErrors());
    std::set<std::string> roles;
    for (const auto& t : data_.tables) roles.insert(t.role);
    for (const auto* role : {"sales", "products", "territories"})
      QVERIFY2(roles.count(role) == 1, role);
  }

  void dailyRevenueHasEveryDayAndZerosOnNoOrderDays() {
    foresight::SeriesRequest request;
    request.measure = foresight::Measure::Revenue;
    const auto panel = foresight::SeriesBuilder::build(data_, request);
    QCOMPARE(panel.series.size(), std::size_t{1});
    const auto& s = panel.series.front();
    const SampleDataOptions o;
    QCOMPARE(s.start, o.start);
    QCOMPARE(s.size(), Eigen::Index{o.end - o.start + 1});
    const auto none = SampleDataGenerator::noOrderDates(o.start, o.end);
    double total = 0;
    for (Eigen::Index i = 0; i < s.size(); ++i) {
      const Date d = s.dateAt(i);
      QVERIFY(!std::isnan(s.values[i]));
      const bool noOrders = std::find(none.begin(), none.end(), d) != none.end();
      QVERIFY2(noOrders ? s.values[i] == 0.0 : s.values[i] > 0.0, d.toIso().c_str());
      total += s.values[i];
    }
    FORESIGHT_COMPARE_NEAR(total, summary_.revenue(), 1e-9);
    const Date shift = SampleDataGenerator::kLevelShiftDate;
    QVERIFY(mean(s, shift, shift.addDays(90)) > 2.0 * mean(s, shift.addDays(-90), shift));
  }

  void groupsByTerritoryAndCategory() {
    foresight::SeriesRequest request;
    request.measure = foresight::Measure::Revenue;
    request.groupBy = foresight::Dimension::Territory;
    QCOMPARE(foresight::SeriesBuilder::build(data_, request).series.size(), std::size_t{10});
    request.groupBy = foresight::Dimension::Category;
    const auto byCategory = foresight::SeriesBuilder::build(data_, request);
    QCOMPARE(byCategory.series.size(), std::size_t{4});
    QVERIFY(byCategory.find("Bikes") != nullptr);
  }

  void validatesWithoutErrors() {
    const auto findings = foresight::DataValidator::validate(data_);
    QVERIFY(!findings.hasErrors());
  }
};

QTEST_GUILESS_MAIN(SampleLoaderTest)
#include "SampleLoaderTest.moc"
