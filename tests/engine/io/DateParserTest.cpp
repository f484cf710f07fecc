#include <QtTest/QtTest>

#include <functional>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/io/DateParser.h"
#include "engine/io/DelimitedReader.h"

using foresight::DateFormat;
using foresight::DateParser;

namespace {

std::string isoOf(std::string_view text, DateFormat f) {
  const auto d = DateParser::parse(text, f);
  return d ? d->toIso() : "none";
}

// Runs detection over values on lines 2, 3, ... of "sales.csv", column "OrderDate".
DateFormat detect(const std::vector<std::string_view>& values) {
  std::vector<std::size_t> lines;
  for (std::size_t i = 0; i < values.size(); ++i) lines.push_back(i + 2);
  return DateParser::detectColumn(values, lines, "sales.csv", "OrderDate");
}

// Empty when detection throws an InputError at `line` whose message holds
// every fragment; otherwise what went wrong.
std::string detectFailure(const std::vector<std::string_view>& values, std::size_t line,
                          const std::vector<std::string>& fragments) {
  try {
    detect(values);
  } catch (const foresight::InputError& e) {
    const std::string msg = e.what();
    if (e.where().line != line) return "line " + std::to_string(e.where().line) + ": " + msg;
    const std::string place = line > 0 ? "sales.csv:" + std::to_string(line) : "sales.csv";
    if (msg.find(place) == std::string::npos) return "no " + place + " in " + msg;
    for (const auto& f : fragments)
      if (msg.find(f) == std::string::npos) return "'" + f + "' missing from: " + msg;
    return "";
  }
  return "no InputError";
}

}  // namespace

#define EXPECT_DETECT_FAILURE(values, line, ...)                         \
  do {                                                                   \
    const std::string why_ = detectFailure(values, line, {__VA_ARGS__}); \
    QVERIFY2(why_.empty(), why_.c_str());                                \
  } while (false)

class DateParserTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void parsesIsoWithAndWithoutTime() {
    QCOMPARE(isoOf("2016-04-03", DateFormat::Iso), std::string("2016-04-03"));
    QCOMPARE(isoOf("2016-04-03T10:00", DateFormat::Iso), std::string("2016-04-03"));
    QCOMPARE(isoOf("2016-04-03 23:59:59", DateFormat::Iso), std::string("2016-04-03"));
    QCOMPARE(isoOf("2016-04-03T23:59:59.123", DateFormat::Iso), std::string("2016-04-03"));
    QCOMPARE(isoOf("2016-04-03T10:00:00Z", DateFormat::Iso), std::string("2016-04-03"));
    QCOMPARE(isoOf("2016-04-03T10:00:00+02:00", DateFormat::Iso), std::string("2016-04-03"));
    QCOMPARE(isoOf(" 2016-04-03 ", DateFormat::Iso), std::string("2016-04-03"));
    QCOMPARE(isoOf("2016-04-03T25:00", DateFormat::Iso), std::string("none"));
    QCOMPARE(isoOf("2016-04-03T10", DateFormat::Iso), std::string("none"));
    QCOMPARE(isoOf("2016-04-03x", DateFormat::Iso), std::string("none"));
    QCOMPARE(isoOf("2016-4-3", DateFormat::Iso), std::string("none"));
    // Fractions: up to nine digits; ten are refused, never overflowed.
    QCOMPARE(isoOf("2016-04-03T10:00:00.888888888", DateFormat::Iso), std::string("2016-04-03"));
    QCOMPARE(isoOf("2016-04-03T10:00:00.8888888888", DateFormat::Iso), std::string("none"));
  }
  void parsesSqlServerText() {
    QCOMPARE(isoOf("2022-04-15 00:00:00.000", DateFormat::SqlServer), std::string("2022-04-15"));
    QCOMPARE(isoOf("2022-04-15 13:45:10.997", DateFormat::Iso), std::string("2022-04-15"));
    QCOMPARE(detect({"2022-04-15 00:00:00.000", "2022-04-24 00:00:00.000"}), DateFormat::SqlServer);
    // Not every value in SQL Server form: plain ISO, the date part still parses.
    QCOMPARE(detect({"2022-04-15 00:00:00.000", "2022-04-16"}), DateFormat::Iso);
    QCOMPARE(detect({"2016-01-01T10:00", "2016-01-02 11:00:00"}), DateFormat::Iso);
  }
  void parsesDayAndMonthFirstWithEverySeparator() {
    for (const char* t : {"03-04-2016", "3-4-2016", "03/04/2016", "3/4/2016", "03.04.2016"})
      QCOMPARE(isoOf(t, DateFormat::DayMonthYear), std::string("2016-04-03"));
    for (const char* t : {"04-03-2016", "4/3/2016", "04.03.2016"})
      QCOMPARE(isoOf(t, DateFormat::MonthDayYear), std::string("2016-04-03"));
    QCOMPARE(isoOf("03/04/2016 10:30", DateFormat::DayMonthYear), std::string("2016-04-03"));
  }
  void refusesWhatIsNotADate() {
    QCOMPARE(isoOf("31-02-2016", DateFormat::DayMonthYear), std::string("none"));
    QCOMPARE(isoOf("29-02-2015", DateFormat::DayMonthYear), std::string("none"));
    QCOMPARE(isoOf("29-02-2016", DateFormat::DayMonthYear), std::string("2016-02-29"));
    QCOMPARE(isoOf("13-01-2016", DateFormat::MonthDayYear), std::string("none"));
    QCOMPARE(isoOf("03-04/2016", DateFormat::DayMonthYear), std::string("none"));
    QCOMPARE(isoOf("03-04-16", DateFormat::DayMonthYear), std::string("none"));
    QCOMPARE(isoOf("003-04-2016", DateFormat::DayMonthYear), std::string("none"));
    QCOMPARE(isoOf("hello", DateFormat::Iso), std::string("none"));
    QCOMPARE(isoOf("", DateFormat::DayMonthYear), std::string("none"));
    QCOMPARE(isoOf("2016-04-03", DateFormat::DayMonthYear), std::string("none"));
  }
  void detectsDayFirstAndMonthFirst() {
    QCOMPARE(detect({"01-02-2016", "13-02-2016", "28/02/2016"}), DateFormat::DayMonthYear);
    QCOMPARE(detect({"02/01/2016", "02/13/2016"}), DateFormat::MonthDayYear);
    QCOMPARE(detect({"2016-01-01", "2016-12-31"}), DateFormat::Iso);
    // Day equals month everywhere: both readings give the same dates.
    QCOMPARE(detect({"01-01-2016", "05-05-2016"}), DateFormat::DayMonthYear);
  }
  void skipsEmptyValues() {
    QCOMPARE(detect({"", "  ", "2016-01-01", ""}), DateFormat::Iso);
    EXPECT_DETECT_FAILURE(std::vector<std::string_view>({"", " "}), 0, "no date values");
  }
  void ambiguousColumnAsksForAFormat() {
    // Every day <= 12: 03-04-2016 is 3 April or March 4; never guess.
    EXPECT_DETECT_FAILURE(std::vector<std::string_view>({"01-01-2016", "03-04-2016", "12-11-2016"}),
                          3, "ambiguous", "--date-format", "OrderDate");
  }
  void mixedFormatsNameTheFirstDisagreeingValue() {
    EXPECT_DETECT_FAILURE(
        std::vector<std::string_view>({"13-01-2016", "14-01-2016", "01-02-2016", "01-15-2016"}), 5,
        "mixes date formats", "--date-format", "'01-15-2016'", "dmy");
    EXPECT_DETECT_FAILURE(
        std::vector<std::string_view>({"2016-01-13", "13-01-2016", "2016-01-14", "2016-01-15"}), 3,
        "mixes date formats", "--date-format", "iso");
  }
  void valueMatchingNoFormatNamesLineColumnAndValue() {
    EXPECT_DETECT_FAILURE(std::vector<std::string_view>({"01-02-2016", "31-02-2016"}), 3,
                          "OrderDate", "'31-02-2016'", "not a date");
    EXPECT_DETECT_FAILURE(std::vector<std::string_view>({"2016-01-01", "2016-01-02", "hello"}), 4,
                          "OrderDate", "'hello'", "not a date");
  }
  void formatNames() {
    QCOMPARE(foresight::parseDateFormatName("dmy"), std::optional(DateFormat::DayMonthYear));
    QCOMPARE(foresight::parseDateFormatName("DD-MM-YYYY"), std::optional(DateFormat::DayMonthYear));
    QCOMPARE(foresight::parseDateFormatName("MM/DD/YYYY"), std::optional(DateFormat::MonthDayYear));
    QCOMPARE(foresight::parseDateFormatName("YYYY-MM-DD"), std::optional(DateFormat::Iso));
    QCOMPARE(foresight::parseDateFormatName("sqlserver"), std::optional(DateFormat::SqlServer));
    QVERIFY(!foresight::parseDateFormatName("yyyymmdd"));
    for (DateFormat f : {DateFormat::Iso, DateFormat::DayMonthYear, DateFormat::MonthDayYear,
                         DateFormat::SqlServer})
      QCOMPARE(foresight::parseDateFormatName(foresight::dateFormatName(f)), std::optional(f));
  }
  void realSalesAndPurchaseOrderColumns() {
    const auto sales = foresight::test::sharedData("adventureworks/AdventureWorks_Sales_2016.csv");
    const auto orders = foresight::test::sharedData("oltp/PurchaseOrderHeader.csv");
    if (sales.empty() || orders.empty()) return;
    const auto column = [](const foresight::RawTable& t, std::size_t c) {
      std::vector<std::string_view> values;
      for (const auto& row : t.rows) values.push_back(row[c]);
      return values;
    };
    const auto s = foresight::DelimitedReader::readFile(sales.string()).table;
    QCOMPARE(DateParser::detectColumn(column(s, 0), s.lineNumbers, s.source, s.header[0]),
             DateFormat::DayMonthYear);
    const auto o = foresight::DelimitedReader::readFile(orders.string()).table;
    QCOMPARE(DateParser::detectColumn(column(o, 6), o.lineNumbers, o.source, o.header[6]),
             DateFormat::SqlServer);
  }
};

QTEST_GUILESS_MAIN(DateParserTest)
#include "DateParserTest.moc"
