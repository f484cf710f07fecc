// The Adventure Works loader on small exports written here, good and broken:
// each broken one either throws an InputError naming the file and line, or
// loads with a located finding where the problem is recoverable.
#include <QtTest/QtTest>

#include "DataFixtures.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"

using namespace foresight;
using test::AwFixture;
using test::errorOf;
using test::mentions;

namespace {

LoadedData load(const std::filesystem::path& p, std::optional<DateFormat> format = {}) {
  LoadOptions o;
  o.columns.dateFormat = format;
  return DataSourceLoader::loadOne(p.string(), o);
}

double total(const LoadedData& d, Measure m = Measure::Revenue) {
  SeriesRequest r;
  r.measure = m;
  return SeriesBuilder::build(d, r).series.front().values.sum();
}

const Finding* finding(const LoadedData& d, const std::string& code) { return d.findings.find(code); }

}  // namespace

class AdventureWorksLoaderTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void loadsAGoodExportWithEveryMeasureAndDimension() {
    AwFixture aw("aw-good");
    aw.sales("2016", "01-03-2016,01-01-2001,SO1,1,11,1,1,2\r\n"
                     "01-03-2016,01-01-2001,SO1,2,11,1,2,1\r\n"
                     "13-03-2016,01-01-2001,SO2,3,12,7,1,3\r\n");
    const LoadedData d = load(aw.dir);
    QCOMPARE(d.facts.rowCount(), std::size_t{3});
    QCOMPARE(total(d), 2 * 2443.35 + 34.99 + 3 * 33.6442);
    QCOMPARE(total(d, Measure::Quantity), 6.0);
    QCOMPARE(total(d, Measure::Orders), 2.0);
    for (Dimension dim : {Dimension::Territory, Dimension::Region, Dimension::Country, Dimension::Category,
                          Dimension::Subcategory, Dimension::Product})
      QVERIFY(d.facts.hasDimension(dim));
    SeriesRequest byCategory;
    byCategory.groupBy = Dimension::Category;
    const Panel p = SeriesBuilder::build(d, byCategory);
    QCOMPARE(p.series.size(), std::size_t{2});
    QCOMPARE(p.series[0].name, std::string("Accessories"));
    QCOMPARE(p.series[1].name, std::string("Bikes"));
    QCOMPARE(p.series[1].values.sum(), 2 * 2443.35);
    QCOMPARE(p.series[0].size(), Eigen::Index{13});  // 1..13 March, the days between are zero
  }

  void aSingleSalesFileLoadsWithTheFoldersLookups() {
    AwFixture aw("aw-one-file");
    aw.sales("2015", "13-03-2015,01-01-2001,SO1,1,11,1,1,1\r\n");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO2,2,11,7,1,1\r\n");
    const LoadedData d = load(file);
    QCOMPARE(d.facts.rowCount(), std::size_t{1});
    QCOMPARE(total(d), 34.99);
  }

  void folderWithoutSalesFilesIsAnError() {
    AwFixture aw("aw-no-sales");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", aw.dir.string(), "no sales files", "AdventureWorks_Sales_*.csv"}), m.c_str());
  }

  void emptyFolderIsAnError() {
    const auto dir = test::makeTempDir("aw-empty");
    const std::string m = errorOf([&] { load(dir); });
    QVERIFY2(mentions(m, {"input: ", dir.string(), "the folder is empty", "AdventureWorks_Sales_*.csv"}), m.c_str());
  }

  void missingProductsFileIsAnError() {
    AwFixture aw("aw-no-products");
    aw.sales("2016", "13-03-2016,01-01-2001,SO1,1,11,1,1,2\r\n");
    std::filesystem::remove(aw.dir / "AdventureWorks_Products.csv");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", "AdventureWorks_Products.csv is missing"}), m.c_str());
  }

  void headerOnlySalesFileIsAnError() {
    AwFixture aw("aw-header-only");
    const auto file = aw.sales("2016", "");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", "no order lines", file.string()}), m.c_str());
  }

  void headerOnlyFileBesideGoodOnesIsAWarning() {
    AwFixture aw("aw-one-empty");
    const auto empty = aw.sales("2015", "");
    aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,1,1,1\r\n");
    const LoadedData d = load(aw.dir);
    const Finding* f = finding(d, "empty_file");
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Warning);
    QCOMPARE(f->examples.front().where.file, empty.string());
  }

  void semicolonSeparatedExportLoadsWithANote() {
    AwFixture aw("aw-semicolon");
    const auto p = aw.dir / "AdventureWorks_Sales_2016.csv";
    test::writeText(p, "OrderDate;StockDate;OrderNumber;ProductKey;CustomerKey;TerritoryKey;OrderLineItem;OrderQuantity\n"
                       "13-03-2016;01-01-2001;SO1;2;11;1;1;2\n14-03-2016;01-01-2001;SO2;2;11;1;1;1\n");
    const LoadedData d = load(aw.dir);
    QCOMPARE(total(d), 3 * 34.99);
    const Finding* f = finding(d, "delimiter");
    QVERIFY(f);
    QVERIFY(mentions(f->examples.front().describe(), {p.string(), "';'"}));
  }

  void wrongDelimiterThatHidesTheColumnsIsAnError() {
    AwFixture aw("aw-tab-in-header");
    test::writeText(aw.dir / "AdventureWorks_Sales_2016.csv",
                    "OrderDate StockDate OrderNumber ProductKey\n13-03-2016 01-01-2001 SO1 2\n");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", "AdventureWorks_Sales_2016.csv:1", "OrderDate", "missing column"}), m.c_str());
  }

  void nonNumericQuantityRejectsTheRow() {
    AwFixture aw("aw-bad-qty");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,1,1,two\r\n"
                                       "14-03-2016,01-01-2001,SO2,2,11,1,1,1\r\n");
    const LoadedData d = load(aw.dir);
    QCOMPARE(d.rowsRejected, std::size_t{1});
    const Finding* f = finding(d, "non_numeric");
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Error);
    const std::string where = f->examples.front().describe();
    QVERIFY2(mentions(where, {file.string() + ":2", "OrderQuantity", "'two'"}), where.c_str());
    QCOMPARE(total(d), 34.99);
  }

  void unknownProductKeyRejectsTheRowAndIsCounted() {
    AwFixture aw("aw-unknown-product");
    std::string lines;
    for (int i = 0; i < 8; ++i) lines += "13-03-2016,01-01-2001,SO" + std::to_string(i) + ",999,11,1,1,1\r\n";
    lines += "14-03-2016,01-01-2001,SO9,2,11,1,1,1\r\n";
    const auto file = aw.sales("2016", lines);
    const LoadedData d = load(aw.dir);
    const Finding* f = finding(d, "unknown_product");
    QVERIFY(f);
    QCOMPARE(f->count, std::size_t{8});
    QCOMPARE(f->examples.size(), FindingLog::kMaxExamples);  // examples are capped, the count is not
    QVERIFY(mentions(f->examples.front().describe(), {file.string() + ":2", "ProductKey", "'999'"}));
    QCOMPARE(d.rowsRejected, std::size_t{8});
    QCOMPARE(d.facts.rowCount(), std::size_t{1});
  }

  void unknownTerritoryKeyRejectsTheRow() {
    AwFixture aw("aw-unknown-territory");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,42,1,1\r\n14-03-2016,01-01-2001,SO2,2,11,1,1,1\r\n");
    const LoadedData d = load(aw.dir);
    const Finding* f = finding(d, "unknown_territory");
    QVERIFY(f);
    QVERIFY(mentions(f->examples.front().describe(), {file.string() + ":2", "TerritoryKey", "'42'"}));
  }

  void withoutTerritoriesFileKeysAreNamesAndRegionIsUnavailable() {
    AwFixture aw("aw-no-territories", false);
    aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,42,1,1\r\n");
    const LoadedData d = load(aw.dir);
    QVERIFY(finding(d, "no_territories"));
    SeriesRequest r;
    r.groupBy = Dimension::Territory;
    QCOMPARE(SeriesBuilder::build(d, r).series.front().name, std::string("territory 42"));
    r.groupBy = Dimension::Country;
    const std::string m = errorOf([&] { SeriesBuilder::build(d, r); });
    QVERIFY2(mentions(m, {"usage: ", "country", "available: territory, product"}), m.c_str());
  }

  void allRowsBadIsAnError() {
    AwFixture aw("aw-all-bad");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO1,999,11,1,1,1\r\n13-03-2016,01-01-2001,SO2,998,11,1,1,1\r\n");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", "all 2 order lines were rejected", file.string() + ":2", "ProductKey"}), m.c_str());
  }

  void impossibleDayIsAnErrorNamingTheLine() {
    AwFixture aw("aw-31-02");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,1,1,1\r\n31-02-2016,01-01-2001,SO2,2,11,1,1,1\r\n");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", file.string() + ":3", "OrderDate", "31-02-2016"}), m.c_str());
  }

  void ambiguousDatesNeedADateFormat() {
    AwFixture aw("aw-ambiguous");
    const auto file = aw.sales("2016", "01-03-2016,01-01-2001,SO1,2,11,1,1,1\r\n02-03-2016,01-01-2001,SO2,2,11,1,1,1\r\n");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", file.string(), "ambiguous", "--date-format"}), m.c_str());
    const LoadedData d = load(aw.dir, DateFormat::DayMonthYear);
    QCOMPARE(d.facts.dates().front().toIso(), std::string("2016-03-01"));
    const LoadedData us = load(aw.dir, DateFormat::MonthDayYear);
    QCOMPARE(us.facts.dates().front().toIso(), std::string("2016-01-03"));
  }

  void mixedDateFormatsAreAnErrorNamingTheLine() {
    AwFixture aw("aw-mixed");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,1,1,1\r\n14-03-2016,01-01-2001,SO2,2,11,1,1,1\r\n"
                                       "2016-03-15,01-01-2001,SO3,2,11,1,1,1\r\n");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", file.string() + ":4", "2016-03-15", "mixes date formats"}), m.c_str());
  }

  void exactDuplicateRowIsAnErrorFindingNamingBothLines() {
    AwFixture aw("aw-dup-row");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,1,1,1\r\n13-03-2016,01-01-2001,SO1,2,11,1,1,1\r\n");
    const LoadedData d = load(aw.dir);
    const Finding* f = finding(d, "duplicate_row");
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Error);
    const std::string where = f->examples.front().describe();
    QVERIFY2(mentions(where, {file.string() + ":3", "same as " + file.string() + ":2"}), where.c_str());
    QCOMPARE(d.facts.rowCount(), std::size_t{2});  // kept: nothing is dropped silently
  }

  void sameOrderLineWithDifferentContentIsADuplicateKey() {
    AwFixture aw("aw-dup-key");
    aw.sales("2015", "13-03-2015,01-01-2001,SO1,2,11,1,1,1\r\n");
    const auto later = aw.sales("2016", "13-03-2016,01-01-2001,SO1,3,11,1,1,4\r\n");
    const LoadedData d = load(aw.dir);
    const Finding* f = finding(d, "duplicate_key");
    QVERIFY(f);
    QVERIFY(mentions(f->examples.front().describe(), {later.string() + ":2", "OrderNumber+OrderLineItem", "SO1/1"}));
  }

  void negativeQuantityIsKeptWithAWarning() {
    AwFixture aw("aw-negative");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,1,1,3\r\n13-03-2016,01-01-2001,SO2,2,11,1,1,-1\r\n");
    const LoadedData d = load(aw.dir);
    const Finding* f = finding(d, "negative_value");
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Warning);
    QVERIFY(mentions(f->examples.front().describe(), {file.string() + ":3", "'-1'"}));
    QCOMPARE(total(d), 2 * 34.99);
  }

  void emptyRequiredFieldRejectsTheRow() {
    AwFixture aw("aw-empty-field");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,,2,11,1,1,3\r\n14-03-2016,01-01-2001,SO2,2,11,1,1,1\r\n");
    const LoadedData d = load(aw.dir);
    const Finding* f = finding(d, "missing_value");
    QVERIFY(f);
    QVERIFY(mentions(f->examples.front().describe(), {file.string() + ":2", "OrderNumber"}));
  }

  void missingSalesColumnIsAnError() {
    AwFixture aw("aw-missing-col");
    test::writeText(aw.dir / "AdventureWorks_Sales_2016.csv", "OrderDate,OrderNumber,ProductKey,TerritoryKey,OrderLineItem\n"
                                                              "13-03-2016,SO1,2,1,1\n");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", "AdventureWorks_Sales_2016.csv:1", "OrderQuantity", "missing column"}), m.c_str());
  }

  void nonNumericPriceInProductsIsAnError() {
    AwFixture aw("aw-bad-price");
    test::writeText(aw.dir / "AdventureWorks_Products.csv",
                    "ProductKey,ProductSubcategoryKey,ProductName,ProductCost,ProductPrice\n1,1,Bike,10,20\n2,2,Helmet,3,n/a\n");
    aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,1,1,3\r\n");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", "AdventureWorks_Products.csv:3", "ProductPrice", "'n/a'"}), m.c_str());
  }

  void repeatedProductKeyIsAnError() {
    AwFixture aw("aw-dup-product");
    test::writeText(aw.dir / "AdventureWorks_Products.csv",
                    "ProductKey,ProductName,ProductCost,ProductPrice\n1,Bike,10,20\n1,Bike again,10,25\n");
    aw.sales("2016", "13-03-2016,01-01-2001,SO1,1,11,1,1,3\r\n");
    const std::string m = errorOf([&] { load(aw.dir); });
    QVERIFY2(mentions(m, {"input: ", "AdventureWorks_Products.csv:3", "ProductKey", "first at line 2"}), m.c_str());
  }

  void nonexistentPathIsAnError() {
    const std::string m = errorOf([] { DataSourceLoader::loadOne("/nonexistent/foresight/data", {}); });
    QVERIFY2(mentions(m, {"input: ", "/nonexistent/foresight/data", "no such file or folder"}), m.c_str());
  }
};

QTEST_GUILESS_MAIN(AdventureWorksLoaderTest)
#include "AdventureWorksLoaderTest.moc"
