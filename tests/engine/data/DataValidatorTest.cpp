// Validation findings: row counts, date range, gaps, outliers, and the
// finding log's counting and example cap.
#include <QtTest/QtTest>

#include "DataFixtures.h"
#include "engine/data/ColumnMappedLoader.h"
#include "engine/data/DataJson.h"
#include "engine/data/DataValidator.h"
#include "engine/data/DatasetSummary.h"
#include "engine/data/RobustOutliers.h"

using namespace foresight;
using test::mentions;

namespace {

LoadedData daily(const std::vector<std::pair<std::string, std::string>>& rows) {
  RawTable t;
  t.source = "d.csv";
  t.header = {"date", "value"};
  t.hadHeader = true;
  for (const auto& [d, v] : rows) {
    t.rows.push_back({d, v});
    t.lineNumbers.push_back(t.rows.size() + 1);
  }
  return ColumnMappedLoader::load(t, "d.csv", "delimited", "delimited file", {});
}

}  // namespace

class DataValidatorTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void reportsRowsRangeAndGaps() {
    const LoadedData d = daily({{"2020-01-01", "5"}, {"2020-01-02", "x"}, {"2020-01-05", "6"}});
    const FindingLog log = DataValidator::validate(d);
    QVERIFY(log.hasErrors());  // the rejected non-numeric row
    const Finding* rows = log.find("rows");
    QVERIFY(rows);
    QCOMPARE(rows->message, std::string("3 rows read, 2 used, 1 rejected"));
    const Finding* range = log.find("date_range");
    QVERIFY(range);
    QCOMPARE(range->message, std::string("2020-01-01 to 2020-01-05: 5 days, 2 with rows"));
    const Finding* gaps = log.find("missing_dates");
    QVERIFY(gaps);
    QCOMPARE(gaps->count, std::size_t{3});
    QCOMPARE(gaps->examples[0].detail, std::string("2020-01-02"));
  }

  void gapsAreCountedAtTheDatasFrequency() {
    const LoadedData d = daily({{"2020-01-01", "5"}, {"2020-02-01", "6"}, {"2020-04-01", "6"}});
    const FindingLog log = DataValidator::validate(d);
    QVERIFY(mentions(log.find("date_range")->message, {"4 months, 3 with rows"}));
    QCOMPARE(log.find("missing_dates")->examples[0].detail, std::string("2020-03-01"));
  }

  void flagsAnOutlyingDayButNotALevelShift() {
    std::vector<std::pair<std::string, std::string>> rows;
    Date day = *Date::fromYmd(2020, 1, 1);
    for (int i = 0; i < 120; ++i, day = day.addDays(1)) {
      const int level = i < 60 ? 100 : 300;  // a level shift halfway
      std::string v = std::to_string(level + (i * 7) % 11);
      if (i == 30) v = "5000";
      rows.push_back({day.toIso(), v});
    }
    const FindingLog log = DataValidator::validate(daily(rows));
    const Finding* o = log.find("outlier");
    QVERIFY(o);
    QCOMPARE(o->count, std::size_t{1});
    QVERIFY2(mentions(o->examples[0].detail, {"2020-01-31", "5000"}), o->examples[0].detail.c_str());
  }

  void robustOutliersIgnoreMissingAndFlatWindows() {
    Eigen::VectorXd v = Eigen::VectorXd::Constant(20, 1.0);
    v[10] = 50;
    QVERIFY(RobustOutliers::find(v, 5, 5.0).empty());  // MAD 0: nothing can be scored
    v[3] = std::nan("");
    for (Eigen::Index i = 0; i < 20; ++i) v[i] = std::isnan(v[i]) ? v[i] : static_cast<double>(i % 3);
    v[10] = 50;
    const auto found = RobustOutliers::find(v, 5, 5.0);
    QCOMPARE(found.size(), std::size_t{1});
    QCOMPARE(found[0].index, Eigen::Index{10});
  }

  void findingLogCountsEveryOccurrenceButKeepsFiveExamples() {
    FindingLog log;
    for (std::size_t i = 1; i <= 7; ++i)
      log.add(Severity::Error, "unknown_product", "rejected", InputLocation{"f.csv", i + 1, "ProductKey", "9"});
    log.add(Severity::Warning, "negative_value", "kept");
    QCOMPARE(log.findings().size(), std::size_t{2});
    QCOMPARE(log.findings()[0].count, std::size_t{7});
    QCOMPARE(log.findings()[0].examples.size(), FindingLog::kMaxExamples);
    QCOMPARE(log.findings()[0].examples[4].describe(), std::string("f.csv:6: field 'ProductKey': value '9'"));
    QCOMPARE(log.countOf(Severity::Error), std::size_t{1});
    FindingLog other;
    other.add(Severity::Error, "unknown_product", "rejected", InputLocation{"g.csv", 2, "", ""});
    log.merge(other);
    QCOMPARE(log.findings()[0].count, std::size_t{8});
    const auto json = DataJson::findings(log);
    QCOMPARE(json["errors"].get<int>(), 1);
    QCOMPARE(json["findings"][0]["examples"][0]["line"].get<int>(), 2);
    QCOMPARE(json["findings"][0]["severity"].get<std::string>(), std::string("error"));
  }

  void summaryHasExactTotals() {
    const LoadedData d = daily({{"2020-01-01", "0.10"}, {"2020-01-01", "0.20"}, {"2020-01-03", "1000000.01"}});
    const DatasetSummary s = DatasetSummary::of(d);
    QCOMPARE(s.measures.size(), std::size_t{1});
    QCOMPARE(s.measures[0].total, std::string("1000000.31"));
    QCOMPARE(s.daysWithRows, std::size_t{2});
    const auto json = DataJson::summary(s);
    QCOMPARE(json["date_range"]["last"].get<std::string>(), std::string("2020-01-03"));
    QCOMPARE(json["rows"]["used"].get<int>(), 3);
  }
};

QTEST_GUILESS_MAIN(DataValidatorTest)
#include "DataValidatorTest.moc"
