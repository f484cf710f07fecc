// The effects the sample promises (docs/sample-data.md), measured on the
// written files: level shift, weekly and yearly seasonality, trend, holiday
// peaks, no-order days, and the order structure of the export.
#include <QtTest/QtTest>

#include <algorithm>
#include <map>
#include <set>

#include "SampleFolderContents.h"
#include "TestSupport.h"
#include "engine/sample/SampleCatalog.h"
#include "engine/sample/SampleDataGenerator.h"

using foresight::Date;
using foresight::SampleDataGenerator;
using foresight::SampleDataOptions;
using foresight::test::meanDailyRevenue;
using foresight::test::SampleFolderContents;

namespace {
Date ymd(int y, int m, int d) {
  return *Date::fromYmd(y, m, d);
}

double revenueOn(const SampleFolderContents& c, Date d) {
  const auto it = c.dailyRevenue.find(d);
  return it == c.dailyRevenue.end() ? 0.0 : it->second;
}

// Median revenue of the 28 days around `d`, leaving out `d` itself.
double medianAround(const SampleFolderContents& c, Date d) {
  std::vector<double> v;
  for (int k = -14; k <= 14; ++k)
    if (k != 0) v.push_back(revenueOn(c, d.addDays(k)));
  std::nth_element(v.begin(), v.begin() + 14, v.end());
  return v[14];
}
}  // namespace

class SampleSignalTest : public QObject {
  Q_OBJECT
  SampleFolderContents c_;      // default options, seed 42
  SampleFolderContents seed7_;  // the CLI's documented example seed

 private Q_SLOTS:
  void initTestCase() {
    const auto root = foresight::test::makeTempDir("sample-signal");
    SampleDataGenerator::write(root / "s42", SampleDataOptions{});
    SampleDataOptions o;
    o.seed = 7;
    SampleDataGenerator::write(root / "s7", o);
    c_ = SampleFolderContents::read(root / "s42");
    seed7_ = SampleFolderContents::read(root / "s7");
    QVERIFY(c_.problems.empty() && seed7_.problems.empty());
  }

  void sizesSuitADemo() {
    QVERIFY2(c_.sales.size() >= 20000 && c_.sales.size() <= 40000,
             qPrintable(QString::number(c_.sales.size())));
    const auto products = foresight::SampleCatalog::products();
    QVERIFY(products.size() >= 30 && products.size() <= 60);
    std::set<std::string_view> countries, regions;
    for (const auto& t : foresight::SampleCatalog::territories()) {
      countries.insert(t.country);
      regions.insert(t.region);
    }
    QVERIFY(foresight::SampleCatalog::territories().size() >= 6);
    QVERIFY(countries.size() >= 3 && regions.size() >= 6);
    std::map<int, int> subcategoriesPerCategory;
    for (const auto& s : foresight::SampleCatalog::subcategories())
      ++subcategoriesPerCategory[s.categoryKey];
    QVERIFY(subcategoriesPerCategory.size() >= 3);
    for (const auto& [category, n] : subcategoriesPerCategory) QVERIFY(n >= 2);
    for (const auto& p : products) {
      const auto cost = foresight::SampleCatalog::toTenThousandths(p.cost);
      const auto price = foresight::SampleCatalog::toTenThousandths(p.price);
      QVERIFY2(cost > 0 && cost < price, p.name.data());
      const auto dot = p.price.find('.');
      QVERIFY(dot == std::string_view::npos || p.price.size() - dot - 1 <= 4);
    }
    QCOMPARE(foresight::SampleCatalog::toTenThousandths("699.0982"), std::int64_t{6990982});
    QCOMPARE(foresight::SampleCatalog::toTenThousandths("25"), std::int64_t{250000});
    QCOMPARE(foresight::SampleCatalog::toTenThousandths("248.385"), std::int64_t{2483850});
  }

  void ordersHaveSeveralNumberedLines() {
    std::map<std::string, std::vector<const foresight::test::SampleSalesLine*>> orders;
    for (const auto& l : c_.sales) orders[l.orderNumber].push_back(&l);
    std::size_t multiLine = 0;
    for (const auto& [number, lines] : orders) {
      QVERIFY(number.size() >= 7 && number.rfind("SO", 0) == 0);
      QVERIFY(std::all_of(number.begin() + 2, number.end(),
                          [](char ch) { return ch >= '0' && ch <= '9'; }));
      std::set<int> items, productKeys;
      for (const auto* l : lines) {
        QCOMPARE(l->orderDate, lines.front()->orderDate);
        QCOMPARE(l->customerKey, lines.front()->customerKey);
        QCOMPARE(l->territoryKey, lines.front()->territoryKey);
        QVERIFY(l->quantity >= 1 && l->customerKey >= 11000);
        items.insert(l->lineItem);
        productKeys.insert(l->productKey);
      }
      QCOMPARE(items.size(), lines.size());
      QCOMPARE(*items.begin(), 1);
      QCOMPARE(*items.rbegin(), static_cast<int>(lines.size()));
      multiLine += lines.size() > 1 ? 1 : 0;
    }
    QCOMPARE(orders.count("SO45080"), std::size_t{1});
    QVERIFY(multiLine * 5 >= orders.size());  // at least a fifth are baskets
  }

  void noOrderDaysHaveNoOrders() {
    const SampleDataOptions o;
    const auto none = SampleDataGenerator::noOrderDates(o.start, o.end);
    const std::vector<Date> expected = {ymd(2015, 12, 25), ymd(2016, 2, 29), ymd(2016, 12, 25),
                                        ymd(2017, 3, 14)};
    QCOMPARE(none, expected);
    for (const auto* c : {&c_, &seed7_}) {
      for (const auto d : none) QVERIFY(c->dailyRevenue.count(d) == 0);
      // Every other day sells: the gaps are exactly the documented ones.
      QCOMPARE(c->dailyRevenue.size(), static_cast<std::size_t>(o.end - o.start + 1) - none.size());
    }
  }

  void revenueRisesAfterTheLevelShift() {
    const Date shift = SampleDataGenerator::kLevelShiftDate;
    QCOMPARE(shift, ymd(2016, 7, 1));
    for (const auto* c : {&c_, &seed7_}) {
      const double before = meanDailyRevenue(*c, shift.addDays(-90), shift);
      const double after = meanDailyRevenue(*c, shift, shift.addDays(90));
      QVERIFY2(after / before > 2.0 && after / before < 3.5,
               qPrintable(QString::number(after / before)));
    }
  }

  void weekendsSellMore() {
    std::array<double, 8> sum{}, days{};
    const SampleDataOptions o;
    for (Date d = o.start; d <= o.end; d = d.addDays(1)) {
      sum[static_cast<std::size_t>(d.isoWeekday())] += revenueOn(c_, d);
      days[static_cast<std::size_t>(d.isoWeekday())] += 1;
    }
    const double weekend = (sum[6] + sum[7]) / (days[6] + days[7]);
    for (std::size_t wd = 1; wd <= 5; ++wd) QVERIFY(sum[wd] / days[wd] * 1.15 < weekend);
  }

  void cyclingSeasonAndTrendShow() {
    // Spring/summer above winter within the first year (before the shift)...
    const double winter = meanDailyRevenue(c_, ymd(2015, 1, 1), ymd(2015, 3, 1));
    const double summer = meanDailyRevenue(c_, ymd(2015, 5, 1), ymd(2015, 7, 1));
    QVERIFY2(summer > 1.25 * winter, qPrintable(QString::number(summer / winter)));
    // ...and the same half-year grows from 2015 to 2016 (trend, no shift yet).
    const double h1of2015 = meanDailyRevenue(c_, ymd(2015, 1, 1), ymd(2015, 7, 1));
    const double h1of2016 = meanDailyRevenue(c_, ymd(2016, 1, 1), ymd(2016, 7, 1));
    QVERIFY2(h1of2016 > 1.05 * h1of2015, qPrintable(QString::number(h1of2016 / h1of2015)));
  }

  void holidaysPeak() {
    const SampleDataOptions o;
    int peaks = 0;
    for (const auto& e : SampleDataGenerator::events(o.start, o.end)) {
      if (e.name != "Black Friday" && e.name != "Cyber Monday") continue;
      ++peaks;
      const double ratio = revenueOn(c_, e.date) / medianAround(c_, e.date);
      QVERIFY2(ratio > 1.6,
               qPrintable(QString::fromUtf8(e.name.data(), static_cast<int>(e.name.size())) +
                          QStringLiteral(" ") + QString::number(ratio)));
    }
    QCOMPARE(peaks, 4);  // 2015 and 2016
    QCOMPARE(SampleDataGenerator::events(ymd(2016, 11, 1), ymd(2016, 11, 30)).at(1).date,
             ymd(2016, 11, 25));  // Black Friday 2016
  }
};

QTEST_GUILESS_MAIN(SampleSignalTest)
#include "SampleSignalTest.moc"
