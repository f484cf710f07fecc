// Generic delimited files: column detection, explicit mapping, and the
// broken files users produce (no date column, ambiguous dates, several value
// candidates, text in the value column...).
#include <QtTest/QtTest>

#include "DataFixtures.h"
#include "engine/data/ColumnMappedLoader.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"

using namespace foresight;
using test::errorOf;
using test::mentions;

namespace {

std::filesystem::path file(const std::string& tag, const std::string& name, const std::string& text) {
  const auto p = test::makeTempDir(tag) / name;
  test::writeText(p, text);
  return p;
}

LoadedData load(const std::filesystem::path& p, ColumnMapping m = {}) {
  LoadOptions o;
  o.columns = std::move(m);
  return DataSourceLoader::loadOne(p.string(), o);
}

}  // namespace

class ColumnMappedLoaderTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void detectsDateValueAndSeriesColumns() {
    const auto p = file("gen-tidy", "sales.csv",
                        "series,date,value\nnorth,2020-01-01,1.5\nnorth,2020-01-02,2.25\nsouth,2020-01-01,10\n");
    const LoadedData d = load(p);
    QCOMPARE(d.kind, std::string("delimited"));
    QVERIFY(d.facts.hasDimension(Dimension::Series));
    SeriesRequest r;
    r.groupBy = Dimension::Series;
    const Panel panel = SeriesBuilder::build(d, r);
    QCOMPARE(panel.series.size(), std::size_t{2});
    QCOMPARE(panel.find("north")->values[1], 2.25);
    QCOMPARE(panel.find("south")->values[1], 0.0);
  }

  void detectsTheDateColumnByContentAndTheOnlyNumericColumn() {
    const auto p = file("gen-detect", "export.csv", "store;when;sales\nA;13/01/2020;5\nA;14/01/2020;7\n");
    const LoadedData d = load(p);
    QCOMPARE(d.amountLabel, std::string("sales"));
    const TimeSeries s = SeriesBuilder::build(d, {}).series.front();
    QCOMPARE(s.name, std::string("sales"));
    QCOMPARE(s.start.toIso(), std::string("2020-01-13"));
    QCOMPARE(s.values.sum(), 12.0);
  }

  void explicitColumnsByNameOrNumberAndFormat() {
    const auto p = file("gen-explicit", "x.csv", "a,b,c,d\n01/02/2020,3,x,4\n01/03/2020,5,y,6\n");
    ColumnMapping m;
    m.dateColumn = "1";
    m.valueColumn = "D";  // names match ignoring case
    m.seriesColumn = "c";
    m.dateFormat = DateFormat::MonthDayYear;
    const LoadedData d = load(p, m);
    QCOMPARE(d.facts.dates().front().toIso(), std::string("2020-01-02"));
    QCOMPARE(d.facts.dictionary(Dimension::Series).size(), std::size_t{2});
    SeriesRequest r;
    QCOMPARE(SeriesBuilder::build(d, r).series.front().values.sum(), 10.0);
  }

  void noDateColumnIsAnError() {
    const auto p = file("gen-nodate", "x.csv", "a,b\nfoo,1\nbar,2\n");
    const std::string m = errorOf([&] { load(p); });
    QVERIFY2(mentions(m, {"input: ", p.string(), "no date column", "--date-col"}), m.c_str());
  }

  void severalNumericColumnsNeedAValueColumn() {
    const auto p = file("gen-several", "x.csv", "date,units,price\n2020-01-01,1,2.5\n");
    const std::string m = errorOf([&] { load(p); });
    QVERIFY2(mentions(m, {"input: ", p.string(), "units, price", "--value-col"}), m.c_str());
  }

  void namedColumnThatDoesNotExistListsTheColumns() {
    const auto p = file("gen-nocol", "x.csv", "date,value\n2020-01-01,1\n");
    ColumnMapping m;
    m.valueColumn = "amount";
    const std::string m2 = errorOf([&] { load(p, m); });
    QVERIFY2(mentions(m2, {"input: ", p.string(), "'amount'", "--value-col", "date, value"}), m2.c_str());
  }

  void ambiguousDatesNameALineAndSuggestAFormat() {
    const auto p = file("gen-ambiguous", "x.csv", "date,value\n01/02/2020,1\n03/04/2020,2\n");
    const std::string m = errorOf([&] { load(p); });
    QVERIFY2(mentions(m, {"input: ", p.string() + ":2", "ambiguous", "--date-format"}), m.c_str());
  }

  void mixedDateFormatsNameTheLine() {
    const auto p = file("gen-mixed", "x.csv", "date,value\n2020-01-13,1\n2020-01-14,1\n15/01/2020,2\n");
    const std::string m = errorOf([&] { load(p); });
    QVERIFY2(mentions(m, {"input: ", p.string() + ":4", "15/01/2020"}), m.c_str());
  }

  void textInTheValueColumnRejectsTheRow() {
    const auto p = file("gen-text", "x.csv", "date,value\n2020-01-01,1\n2020-01-02,n/a\n2020-01-03,3\n");
    const LoadedData d = load(p);
    const Finding* f = d.findings.find("non_numeric");
    QVERIFY(f);
    QVERIFY(mentions(f->examples[0].describe(), {p.string() + ":3", "value", "'n/a'"}));
    QCOMPARE(d.facts.rowCount(), std::size_t{2});
  }

  void emptyValuesAreMissingObservations() {
    const auto p = file("gen-empty", "x.csv", "date,value\n2020-01-01,1\n2020-01-02,\n2020-01-03,3\n");
    const LoadedData d = load(p);
    const Finding* f = d.findings.find("missing_value");
    QVERIFY(f);
    QCOMPARE(f->severity, Severity::Warning);
    SeriesRequest r;
    r.fill = GapPolicy::Interpolate;
    QCOMPARE(SeriesBuilder::build(d, r).series.front().values[1], 2.0);
  }

  void scientificNotationIsReadAndNoted() {
    const auto p = file("gen-sci", "x.csv", "date,value\n2020-01-01,1.5e3\n2020-01-02,2\n");
    const LoadedData d = load(p);
    QVERIFY(d.findings.find("rounded_value"));
    QCOMPARE(SeriesBuilder::build(d, {}).series.front().values[0], 1500.0);
  }

  void allValuesBadIsAnError() {
    const auto p = file("gen-allbad", "x.csv", "date,value\n2020-01-01,abc\n2020-01-02,def\n");
    ColumnMapping m;
    m.valueColumn = "value";
    const std::string msg = errorOf([&] { load(p, m); });
    QVERIFY2(mentions(msg, {"input: ", "no usable rows", p.string() + ":2", "'abc'"}), msg.c_str());
  }

  void headerOnlyFileIsAnError() {
    const auto p = file("gen-headeronly", "x.csv", "date,value\n");
    const std::string m = errorOf([&] { load(p); });
    QVERIFY2(mentions(m, {"input: ", p.string()}), m.c_str());
  }

  void aRawTableFromElsewhereLoadsTheSameWay() {
    RawTable t;
    t.source = "memory";
    t.header = {"day", "amount"};
    t.hadHeader = true;
    t.rows = {{"2021-03-01", "10.10"}, {"2021-03-01", "0.20"}};
    t.lineNumbers = {1, 2};
    const LoadedData d = ColumnMappedLoader::load(t, "memory", "sql", "SQL query result", {});
    QCOMPARE(SeriesBuilder::build(d, {}).series.front().values[0], 10.3);
    QCOMPARE(d.kind, std::string("sql"));
  }
};

QTEST_GUILESS_MAIN(ColumnMappedLoaderTest)
#include "ColumnMappedLoaderTest.moc"
