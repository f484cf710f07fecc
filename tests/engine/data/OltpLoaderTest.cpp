// The OLTP export tables: the real PurchaseOrderHeader and
// SalesOrderHeaderSalesReason files, and TransactionHistory/SalesOrderHeader
// fixtures written here in the export's layout (tab separated, no header,
// SQL Server datetime text), good and broken.
#include <QtTest/QtTest>
#include <map>

#include "DataFixtures.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/data/SeriesCsv.h"

using namespace foresight;
using test::errorOf;
using test::mentions;

namespace {

LoadedData load(const std::filesystem::path& p) { return DataSourceLoader::loadOne(p.string(), {}); }

Panel series(const LoadedData& d, std::optional<Measure> m = {}, std::optional<Dimension> by = {}) {
  SeriesRequest r;
  r.measure = m;
  r.groupBy = by;
  return SeriesBuilder::build(d, r);
}

// TotalDue ("222.1492") in 1e-4 units.
long long tenThousandths(const std::string& text) {
  const auto dot = text.find('.');
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  frac.resize(4, '0');
  return std::stoll(text.substr(0, dot)) * 10000 + std::stoll(frac);
}

std::string sqlDate(const std::string& iso) { return iso + " 00:00:00.000"; }

// A TransactionHistory row: TransactionID, ProductID, ReferenceOrderID,
// ReferenceOrderLineID, TransactionDate, TransactionType, Quantity, ActualCost, ModifiedDate.
std::string txRow(int id, int product, int order, const std::string& date, const std::string& qty,
                  const std::string& cost) {
  return std::to_string(id) + "\t" + std::to_string(product) + "\t" + std::to_string(order) + "\t0\t" +
         sqlDate(date) + "\tS\t" + qty + "\t" + cost + "\t" + sqlDate(date) + "\n";
}

// A SalesOrderHeader row with the standard 26 columns.
std::string sohRow(int id, const std::string& date, int territory, const std::string& totalDue) {
  std::vector<std::string> f = {std::to_string(id), "8", sqlDate(date), sqlDate(date), sqlDate(date), "5", "0",
                                "SO" + std::to_string(id), "PO1", "10-4020-000676", "29825", "279",
                                std::to_string(territory), "985", "985", "5", "16281", "105041Vi84182", "",
                                "20565.6206", "1971.5149", "616.0984", totalDue, "",
                                "79B65321-39CA-4115-9CBA-8FE0903E12E6", sqlDate(date)};
  std::string line;
  for (std::size_t i = 0; i < f.size(); ++i) line += (i ? "\t" : "") + f[i];
  return line + "\n";
}

}  // namespace

class OltpLoaderTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void purchaseOrderHeaderGivesDailyTotalDueExactly() {
    const auto file = test::sharedData("oltp/PurchaseOrderHeader.csv");
    if (file.empty()) return;
    long long expected = 0;
    for (const auto& line : test::lines(test::readText(file))) expected += tenThousandths(test::split(line, '\t').at(11));
    QCOMPARE(expected, 704793326383LL);  // 70,479,332.6383
    const LoadedData d = load(file);
    QCOMPARE(d.kind, std::string("oltp"));
    QCOMPARE(d.facts.rowCount(), std::size_t{4012});
    const TimeSeries s = series(d).series.front();
    QCOMPARE(s.name, std::string("TotalDue"));
    QCOMPARE(s.start.toIso(), std::string("2022-04-15"));
    QCOMPARE(s.end().toIso(), std::string("2025-09-21"));
    QCOMPARE(s.size(), Eigen::Index{1256});
    Decimal sum;
    for (double v : s.values) sum += *Decimal::parse(SeriesCsv::formatValue(v));
    QCOMPARE(sum.units() / 100, expected);
    QCOMPARE(series(d, Measure::Orders).series.front().values.sum(), 4012.0);
  }

  void salesReasonCountsRowsPerDay() {
    const auto file = test::sharedData("oltp/SalesOrderHeaderSalesReason.csv");
    if (file.empty()) return;
    const LoadedData d = load(file);
    QCOMPARE(d.defaultMeasure, Measure::Orders);
    const TimeSeries s = series(d).series.front();
    QCOMPARE(s.name, std::string("orders"));
    QCOMPARE(s.values.sum(), 27647.0);
    const std::string m = errorOf([&] { series(d, Measure::Amount); });
    QVERIFY2(mentions(m, {"usage: ", "amount", "not available", "orders"}), m.c_str());
  }

  void transactionHistoryGivesDailyPaidAmount() {
    const auto dir = test::makeTempDir("oltp-th");
    const auto file = dir / "TransactionHistory.csv";
    test::writeText(file, txRow(100000, 784, 41590, "2013-07-31", "2", "34.9900") +
                              txRow(100001, 794, 41590, "2013-07-31", "1", "1.5000") +
                              txRow(100002, 797, 41591, "2013-08-02", "3", "100.1234") +
                              txRow(100003, 784, 41592, "2013-08-02", "1", ".0000"));
    const LoadedData d = load(file);
    QCOMPARE(d.amountLabel, std::string("PaidAmount"));
    const TimeSeries s = series(d).series.front();
    QCOMPARE(s.name, std::string("PaidAmount"));
    QCOMPARE(s.size(), Eigen::Index{3});
    QCOMPARE(s.values[0], 2 * 34.99 + 1.5);
    QCOMPARE(s.values[1], 0.0);  // 2013-08-01: no transactions
    QCOMPARE(s.values[2], 300.3702);
    QCOMPARE(series(d, Measure::Quantity).series.front().values.sum(), 7.0);
    QCOMPARE(series(d, Measure::Orders).series.front().values[0], 1.0);  // one ReferenceOrderID that day
    QCOMPARE(series(d, Measure::Orders).series.front().values[2], 2.0);
    QCOMPARE(series(d, Measure::Amount, Dimension::Product).series.size(), std::size_t{3});
  }

  void transactionHistoryArchiveUsesTheSameLayout() {
    const auto dir = test::makeTempDir("oltp-tha");
    const auto file = dir / "TransactionHistoryArchive.csv";
    test::writeText(file, txRow(1, 784, 7, "2011-04-16", "4", "10.0000"));
    const LoadedData d = load(file);
    QCOMPARE(series(d).series.front().values[0], 40.0);
  }

  void salesOrderHeaderGroupsByTerritory() {
    const auto dir = test::makeTempDir("oltp-soh");
    const auto file = dir / "SalesOrderHeader.csv";
    test::writeText(file, sohRow(43659, "2011-05-31", 5, "23153.2339") + sohRow(43660, "2011-05-31", 5, "1457.3288") +
                              sohRow(43661, "2011-06-01", 6, "36865.8012"));
    const LoadedData d = load(file);
    const Panel p = series(d, Measure::Amount, Dimension::Territory);
    QCOMPARE(p.series.size(), std::size_t{2});
    QCOMPARE(p.series[0].name, std::string("territory 5"));
    QCOMPARE(p.series[0].values[0], 24610.5627);
    QCOMPARE(p.series[1].values[1], 36865.8012);
  }

  void wrongColumnCountNamesTheFileLineAndLayout() {
    const auto dir = test::makeTempDir("oltp-cols");
    const auto file = dir / "PurchaseOrderHeader.csv";
    test::writeText(file, "1\t5\t4\t258\t1580\t3\t2022-04-15 00:00:00.000\t2022-04-24 00:00:00.000\t201.04\t16.08\t5.02\t222.14\n");
    const std::string m = errorOf([&] { load(file); });
    QVERIFY2(mentions(m, {"input: ", file.string() + ":1", "12 columns", "13 columns", "PurchaseOrderID, RevisionNumber",
                          "TotalDue, ModifiedDate"}),
             m.c_str());
  }

  void aShortRowInsideTheFileNamesItsLine() {
    const auto dir = test::makeTempDir("oltp-ragged");
    const auto file = dir / "SalesOrderHeaderSalesReason.csv";
    test::writeText(file, "43697\t5\t2022-05-30 00:00:00.000\n43697\t9\n43702\t5\t2022-05-31 00:00:00.000\n");
    const std::string m = errorOf([&] { load(file); });
    QVERIFY2(mentions(m, {"input: ", file.string() + ":2", "SalesOrderID, SalesReasonID, ModifiedDate"}), m.c_str());
  }

  void commaSeparatedExportIsAnError() {
    const auto dir = test::makeTempDir("oltp-comma");
    const auto file = dir / "SalesOrderHeaderSalesReason.csv";
    test::writeText(file, "43697,5,2022-05-30 00:00:00.000\n43702,5,2022-05-31 00:00:00.000\n");
    const std::string m = errorOf([&] { load(file); });
    QVERIFY2(mentions(m, {"input: ", file.string() + ":1", "found 1 column", "tab separated"}), m.c_str());
  }

  void nonNumericAndNegativeAmounts() {
    const auto dir = test::makeTempDir("oltp-values");
    const auto file = dir / "TransactionHistory.csv";
    test::writeText(file, txRow(1, 784, 7, "2013-07-31", "2", "abc") + txRow(2, 784, 8, "2013-07-31", "x", "1.0") +
                              txRow(3, 784, 9, "2013-07-31", "-1", "5.0000") + txRow(4, 784, 9, "2013-08-01", "1", "5"));
    const LoadedData d = load(file);
    QCOMPARE(d.rowsRejected, std::size_t{2});
    // One finding per field (the message names the field), both under code non_numeric.
    std::vector<std::string> where;
    for (const auto& f : d.findings.findings())
      if (f.code == "non_numeric")
        for (const auto& e : f.examples) where.push_back(e.describe());
    QCOMPARE(where.size(), std::size_t{2});
    QVERIFY(mentions(where[0], {file.string() + ":1", "ActualCost", "'abc'"}));
    QVERIFY(mentions(where[1], {file.string() + ":2", "Quantity", "'x'"}));
    const Finding* neg = d.findings.find("negative_value");
    QVERIFY(neg);
    QVERIFY(mentions(neg->examples[0].describe(), {file.string() + ":3", "Quantity"}));
    QCOMPARE(series(d).series.front().values[0], -5.0);
  }

  void duplicateTransactionIdIsAnError() {
    const auto dir = test::makeTempDir("oltp-dup");
    const auto file = dir / "TransactionHistory.csv";
    test::writeText(file, txRow(1, 784, 7, "2013-07-31", "2", "1.0") + txRow(1, 785, 7, "2013-07-31", "2", "1.0"));
    const LoadedData d = load(file);
    const Finding* f = d.findings.find("duplicate_key");
    QVERIFY(f);
    QVERIFY(mentions(f->examples[0].describe(), {file.string() + ":2", "TransactionID", "first seen at " + file.string() + ":1"}));
  }

  void headerRowIsSkipped() {
    const auto dir = test::makeTempDir("oltp-header");
    const auto file = dir / "SalesOrderHeaderSalesReason.csv";
    test::writeText(file, "SalesOrderID\tSalesReasonID\tModifiedDate\n43697\t5\t2022-05-30 00:00:00.000\n");
    const LoadedData d = load(file);
    QCOMPARE(d.facts.rowCount(), std::size_t{1});
    QVERIFY(d.findings.find("header_skipped"));
  }

  void allRowsRejectedIsAnError() {
    const auto dir = test::makeTempDir("oltp-allbad");
    const auto file = dir / "PurchaseOrderHeader.csv";
    test::writeText(file, "1\t5\t4\t258\t1580\t3\t2022-04-15 00:00:00.000\t2022-04-24 00:00:00.000\t1\t1\t1\tn/a\t2022-04-24 00:00:00.000\n");
    const std::string m = errorOf([&] { load(file); });
    QVERIFY2(mentions(m, {"input: ", "all 1 rows were rejected", file.string() + ":1", "TotalDue"}), m.c_str());
  }

  void emptyFileIsAnError() {
    const auto dir = test::makeTempDir("oltp-emptyfile");
    const auto file = dir / "TransactionHistory.csv";
    test::writeText(file, "");
    const std::string m = errorOf([&] { load(file); });
    QVERIFY2(mentions(m, {"input: ", file.string()}), m.c_str());
  }

  void folderOfTablesListsEachTable() {
    const auto dir = test::makeTempDir("oltp-folder");
    test::writeText(dir / "TransactionHistory.csv", txRow(1, 784, 7, "2013-07-31", "2", "1.0"));
    test::writeText(dir / "SalesOrderHeaderSalesReason.csv", "43697\t5\t2022-05-30 00:00:00.000\n");
    test::writeText(dir / "notes.txt", "not a table\n");
    QCOMPARE(DataSourceLoader::loadAll(dir.string(), {}).size(), std::size_t{2});
    const std::string m = errorOf([&] { load(dir); });
    QVERIFY2(mentions(m, {"input: ", "holds 2 tables", "TransactionHistory.csv", "name one of the files"}), m.c_str());
  }
};

QTEST_GUILESS_MAIN(OltpLoaderTest)
#include "OltpLoaderTest.moc"
