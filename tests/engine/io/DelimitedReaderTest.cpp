#include <QtTest/QtTest>

#include <chrono>
#include <fstream>
#include <functional>
#include <random>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/io/DelimitedReader.h"

using foresight::DelimitedReader;
using foresight::DelimitedReadOptions;
using foresight::DelimitedReadResult;

namespace {

// Writes `bytes` to a fresh file and returns its path.
std::string writeFile(const std::string& name, const std::string& bytes) {
  const auto path = foresight::test::makeTempDir("reader") / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

DelimitedReadResult readBytes(const std::string& name, const std::string& bytes,
                              const DelimitedReadOptions& opts = {}) {
  return DelimitedReader::readFile(writeFile(name, bytes), opts);
}

// Empty when `call` throws an InputError at `line` of `file` whose message
// names "file:line" and holds `fragment`; otherwise what went wrong.
std::string inputErrorMismatch(const std::function<void()>& call, const std::string& file,
                               std::size_t line, const std::string& fragment) {
  try {
    call();
  } catch (const foresight::InputError& e) {
    const std::string msg = e.what();
    const std::string place = line > 0 ? file + ":" + std::to_string(line) + ":" : file;
    if (e.where().line != line) return "line " + std::to_string(e.where().line) + " in: " + msg;
    if (msg.find(place) == std::string::npos) return "'" + place + "' missing from: " + msg;
    if (msg.find(fragment) == std::string::npos) return "'" + fragment + "' missing from: " + msg;
    return "";
  }
  return "no InputError";
}

bool anyWarningHas(const DelimitedReadResult& r, const std::string& text) {
  for (const auto& w : r.warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

// Writes `bytes` as `name`, reads it, and expects an InputError at `line`.
#define EXPECT_READ_ERROR(name, bytes, line, fragment)                                        \
  do {                                                                                        \
    const std::string path_ = writeFile(name, bytes);                                         \
    const std::string why_ =                                                                  \
        inputErrorMismatch([&] { DelimitedReader::readFile(path_); }, path_, line, fragment); \
    QVERIFY2(why_.empty(), why_.c_str());                                                     \
  } while (false)

class DelimitedReaderTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void quotedFieldsKeepDelimitersQuotesAndNewlines() {
    const auto r = readBytes("q.csv",
                             "id,name,note\n"
                             "1,\"Sport-100 Helmet, Red\",\"say \"\"hi\"\"\"\n"
                             "2,\"two\nlines\",x\n"
                             "3, \"spaced, quoted\" ,\"\"\n");
    QCOMPARE(r.delimiter, ',');
    QVERIFY(r.table.hadHeader);
    QCOMPARE(r.table.header, (std::vector<std::string>{"id", "name", "note"}));
    QCOMPARE(r.table.rows, (Rows{{"1", "Sport-100 Helmet, Red", "say \"hi\""},
                                 {"2", "two\nlines", "x"},
                                 {"3", "spaced, quoted", ""}}));
    QCOMPARE(r.table.lineNumbers, (std::vector<std::size_t>{2, 3, 5}));
    QVERIFY(r.warnings.empty());
    QCOMPARE(r.table.columnIndex("note"), 2);
    QCOMPARE(r.table.columnIndex("missing"), -1);
  }
  void lineNumbersStayRightAfterEmbeddedNewlines() {
    EXPECT_READ_ERROR("after-newline.csv", "a,b\n1,\"x\ny\nz\"\n2,3\n4\n", 6, "row has 1 fields");
    EXPECT_READ_ERROR("after-crlf.csv", "a,b\r\n1,\"x\r\ny\"\r\n4\r\n", 4, "row has 1 fields");
  }
  void crlfAndLoneCrLineEnds() {
    const auto crlf = readBytes("crlf.csv", "date,value\r\n2016-01-01,5\r\n2016-01-02,6\r\n");
    QCOMPARE(crlf.table.rows, (Rows{{"2016-01-01", "5"}, {"2016-01-02", "6"}}));
    QCOMPARE(crlf.table.lineNumbers, (std::vector<std::size_t>{2, 3}));
    const auto cr = readBytes("cr.csv", "date,value\r2016-01-01,5\r2016-01-02,6");
    QCOMPARE(cr.table.rows, (Rows{{"2016-01-01", "5"}, {"2016-01-02", "6"}}));
    QCOMPARE(cr.table.lineNumbers, (std::vector<std::size_t>{2, 3}));
    EXPECT_READ_ERROR("cr-ragged.csv", "a,b\r1,2\r3\r", 3, "row has 1 fields");
  }
  void utf8ByteOrderMarkIsDropped() {
    const auto r = readBytes("bom.csv",
                             "\xEF\xBB\xBF"
                             "date,caf\xC3\xA9\n2016-01-01,5\n");
    QCOMPARE(r.table.header, (std::vector<std::string>{"date", "caf\xC3\xA9"}));
    QCOMPARE(r.table.columnIndex("date"), 0);
    QCOMPARE(r.table.rows.size(), std::size_t{1});
  }
  void trailingBlankLinesAreIgnoredQuietly() {
    const auto r = readBytes("trailing.csv", "a,b\n1,2\n3,4\n\n  \r\n\n");
    QCOMPARE(r.table.rows.size(), std::size_t{2});
    QVERIFY(r.warnings.empty());
  }
  void blankLinesInsideAreSkippedWithAWarning() {
    const std::string path = writeFile("gap.csv", "a,b\n1,2\n\n3,4\n");
    const auto r = DelimitedReader::readFile(path);
    QCOMPARE(r.table.rows, (Rows{{"1", "2"}, {"3", "4"}}));
    QCOMPARE(r.table.lineNumbers, (std::vector<std::size_t>{2, 4}));
    QVERIFY(anyWarningHas(r, path + ":3: blank line"));
  }
  void detectsTheDelimiter_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<int>("columns");
    QTest::newRow("comma") << QStringLiteral("date,value\n2016-01-01,5\n2016-01-02,6\n") << ','
                           << 2;
    // Decimal commas must not pull detection towards ','.
    QTest::newRow("semicolon") << QStringLiteral(
                                      "date;value;note\n2016-01-01;1,5;a\n2016-01-02;2,5;b\n")
                               << ';' << 3;
    QTest::newRow("tab") << QStringLiteral(
                                "date\tvalue\tname\n2016-01-01\t5\tBikes, red\n2016-01-02\t6\tx\n")
                         << '\t' << 3;
    QTest::newRow("pipe") << QStringLiteral("date|value\n2016-01-01|5\n2016-01-02|6\n") << '|' << 2;
    QTest::newRow("quoted commas, semicolon data")
        << QStringLiteral("a;b\n\"x,y,z\";1\n\"p,q\";2\n") << ';' << 2;
  }
  void detectsTheDelimiter() {
    QFETCH(QString, text);
    QFETCH(char, delimiter);
    QFETCH(int, columns);
    const auto r = readBytes("detect.txt", text.toStdString());
    QCOMPARE(r.delimiter, delimiter);
    QCOMPARE(r.table.columnCount(), std::size_t(columns));
    QCOMPARE(r.table.rows.size(), std::size_t{2});
  }
  void givenDelimiterWins() {
    DelimitedReadOptions opts;
    opts.delimiter = ';';
    const auto r = readBytes("given.csv", "a,b;c\n1,2;3\n", opts);
    QCOMPARE(r.table.header, (std::vector<std::string>{"a,b", "c"}));
  }
  void singleColumnFileIsLegal() {
    const auto r = readBytes("one.csv", "value\n1.5\n2\n3\n");
    QCOMPARE(r.table.header, (std::vector<std::string>{"value"}));
    QCOMPARE(r.table.rows, (Rows{{"1.5"}, {"2"}, {"3"}}));
  }
  void detectsMissingHeader() {
    const auto r = readBytes("nohead.csv", "2016-01-01,5\n2016-01-02,6\n");
    QVERIFY(!r.table.hadHeader);
    QCOMPARE(r.table.header, (std::vector<std::string>{"column1", "column2"}));
    QCOMPARE(r.table.rows.size(), std::size_t{2});
    QCOMPARE(r.table.lineNumbers.front(), std::size_t{1});
    // Text over text and numbers: the text column alone does not make a header.
    const auto t = readBytes("nohead-text.csv", "Bikes,1\nHelmets,2\n");
    QVERIFY(!t.table.hadHeader);
    // Quoted numbers still count as numbers (the M4 layout).
    const auto m4 = readBytes("m4.csv", "\"V1\",\"V2\",\"V3\"\n\"W1\",\"1089.2\",\"1078.91\"\n");
    QVERIFY(m4.table.hadHeader);
    QCOMPARE(m4.table.rows, (Rows{{"W1", "1089.2", "1078.91"}}));
    DelimitedReadOptions forced;
    forced.hasHeader = false;
    QVERIFY(!readBytes("forced.csv", "date,value\n2016-01-01,5\n", forced).table.hadHeader);
  }
  void headerOnlyGivesNoRows() {
    const auto r = readBytes("head.csv", "date,value\n");
    QVERIFY(r.table.hadHeader);
    QCOMPARE(r.table.header, (std::vector<std::string>{"date", "value"}));
    QVERIFY(r.table.rows.empty());
  }
  void junkLinesAboveTheHeaderAreSkippedWithAWarning() {
    const std::string path = writeFile("report.csv",
                                       "Sales report 2016\n"
                                       "Exported by finance\n"
                                       "date,territory,value\n"
                                       "2016-01-01,1,5\n"
                                       "2016-01-02,2,6\n");
    const auto r = DelimitedReader::readFile(path);
    QCOMPARE(r.table.header, (std::vector<std::string>{"date", "territory", "value"}));
    QCOMPARE(r.table.rows.size(), std::size_t{2});
    QCOMPARE(r.table.lineNumbers, (std::vector<std::size_t>{4, 5}));
    QVERIFY2(anyWarningHas(r, path + ":1-2: skipped 2 line(s)"),
             r.warnings.empty() ? "no warning" : r.warnings.front().c_str());
  }
  void narrowHeaderIsNotMistakenForATitle() {
    // A trailing delimiter on data rows: the header stays and the rows are ragged.
    EXPECT_READ_ERROR("trailing-comma.csv", "a,b\n1,2,\n3,4,\n", 2,
                      "row has 3 fields but the header");
    // A one-field title above data without a header is still skipped.
    const auto r = readBytes("title-nohead.csv", "Weekly totals\n2016-01-04,5\n2016-01-11,6\n");
    QVERIFY(!r.table.hadHeader);
    QCOMPARE(r.table.rows.size(), std::size_t{2});
    QCOMPARE(r.warnings.size(), std::size_t{1});
  }
  void singleColumnKeepsLateDelimitersInValues() {
    std::string bytes = "name\n";
    for (int i = 0; i < 60; ++i) bytes += "Bike" + std::to_string(i) + "\n";
    bytes += "Helmet, red\n";
    const auto r = readBytes("names.csv", bytes);
    QCOMPARE(r.table.columnCount(), std::size_t{1});
    QCOMPARE(r.table.rows.back(), (std::vector<std::string>{"Helmet, red"}));
  }
  void raggedRowNamesItsLine() {
    EXPECT_READ_ERROR("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n", 3,
                      "row has 2 fields but the header");
    EXPECT_READ_ERROR("wide.csv", "a,b\n1,2\n3,4,5\n", 3, "row has 3 fields");
  }
  void raggedRowsCanBeTolerated() {
    DelimitedReadOptions opts;
    opts.tolerateRaggedRows = true;
    const std::string path = writeFile("tolerated.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9\n");
    const auto r = DelimitedReader::readFile(path, opts);
    QCOMPARE(r.table.rows, (Rows{{"1", "2", "3"}, {"4", "5", ""}, {"6", "7", "8"}}));
    QVERIFY(anyWarningHas(r, path + ":3: row has 2 fields"));
    QVERIFY(anyWarningHas(r, path + ":4: row has 4 fields"));
  }
  void emptyFileIsAnError() {
    EXPECT_READ_ERROR("empty.csv", "", 1, "empty");
    EXPECT_READ_ERROR("bom-only.csv", "\xEF\xBB\xBF", 1, "empty");
    EXPECT_READ_ERROR("blank.csv", "\n\n  \n", 1, "only blank lines");
  }
  void unterminatedQuoteNamesTheLineItOpened() {
    EXPECT_READ_ERROR("open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n6,7\n", 3,
                      "unterminated quote");
  }
  void textAfterClosingQuoteIsAnError() {
    EXPECT_READ_ERROR("garbage.csv", "a,b\n1,2\n3,\"x\"y\n", 3, "after the closing quote");
    EXPECT_READ_ERROR("garbage-late.csv", "a,b\n1,\"two\nlines\"oops\n", 3,
                      "after the closing quote");
  }
  void binaryGarbageIsRecognised() {
    std::mt19937 rng(42);
    std::string bytes = "a,b\n1,2\n";
    for (int i = 0; i < 4096; ++i) {
      auto c = static_cast<char>(rng() % 256);
      if (c == '\n' || c == '\r') c = '\0';  // keep the garbage on line 3, NULs included
      bytes += c;
    }
    bytes[20] = '\0';
    EXPECT_READ_ERROR("garbage.bin", bytes, 3, "binary");
    EXPECT_READ_ERROR("nul.csv", std::string("a,b\n1,2\n3,4\n5,\0\n", 15), 4, "NUL");
  }
  void invalidUtf8IsCalledBinary() {
    EXPECT_READ_ERROR("latin1.csv", "name,value\nAbc,1\nCaf\xE9,2\n", 3, "binary");
    EXPECT_READ_ERROR("overlong.csv", "name,value\n\xC0\xAF,1\n", 2, "invalid UTF-8");
    EXPECT_READ_ERROR("utf16.csv",
                      "\xFF\xFE"
                      "a\0,\0b\0",
                      1, "UTF-16");
  }
  void tenMegabyteLineFailsClearly() {
    std::string bytes = "a,b\n1,2\n3,";
    bytes.append(10u << 20, 'x');
    bytes += "\n4,5\n";
    EXPECT_READ_ERROR("long-field.csv", bytes, 3, "longer than 1048576 bytes");
    std::string quoted = "a,b\n1,\"";
    quoted.append(10u << 20, 'x');
    EXPECT_READ_ERROR("long-quote.csv", quoted, 2, "opened on line 2");
    std::string wide = "a,b\n1,2\n";
    for (int i = 0; i < (5 << 20); ++i) wide += "1,";
    wide += "1\n";
    EXPECT_READ_ERROR("wide-line.csv", wide, 3, "more than 100000 fields");
  }
  void fieldLimitIsAnOption() {
    DelimitedReadOptions opts;
    opts.maxFieldBytes = 8;
    const std::string path = writeFile("limit.csv", "a,b\n12345678,1\n123456789,2\n");
    const std::string why = inputErrorMismatch([&] { DelimitedReader::readFile(path, opts); }, path,
                                               3, "longer than 8 bytes");
    QVERIFY2(why.empty(), why.c_str());
  }
  void missingFileAndDirectory() {
    const auto dir = foresight::test::makeTempDir("reader-missing");
    const std::string missing = (dir / "nope.csv").string();
    std::string why =
        inputErrorMismatch([&] { DelimitedReader::readFile(missing); }, missing, 0, "not found");
    QVERIFY2(why.empty(), why.c_str());
    why = inputErrorMismatch([&] { DelimitedReader::readFile(dir.string()); }, dir.string(), 0,
                             "is a folder, not a file");
    QVERIFY2(why.empty(), why.c_str());
  }
  void readTextUsesTheSourceName() {
    const std::string why =
        inputErrorMismatch([] { DelimitedReader::readText("a,b\n1,\"x\"y\n", "pasted text"); },
                           "pasted text", 2, "after the closing quote");
    QVERIFY2(why.empty(), why.c_str());
    QCOMPARE(DelimitedReader::readText("a,b\n1,2\n", "mem").table.source, std::string("mem"));
  }
  void fiftyThousandLinesReadQuickly() {
    std::string bytes =
        "OrderDate,StockDate,OrderNumber,ProductKey,CustomerKey,TerritoryKey,"
        "OrderLineItem,OrderQuantity\n";
    for (int i = 0; i < 50000; ++i)
      bytes += "01-01-2015,21-09-2001,SO" + std::to_string(45080 + i) + ",332,14657,1,1," +
               std::to_string(i % 4 + 1) + "\n";
    const std::string path = writeFile("big.csv", bytes);
    const auto start = std::chrono::steady_clock::now();
    const auto r = DelimitedReader::readFile(path);
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    qInfo("read 50,000 lines (%zu bytes) in %.1f ms", bytes.size(), ms.count());
    QCOMPARE(r.table.rows.size(), std::size_t{50000});
    QCOMPARE(r.table.rows.back()[2], std::string("SO95079"));
    QCOMPARE(r.table.lineNumbers.back(), std::size_t{50001});
  }
  void realProductsWithQuotedCommas() {
    const auto path = foresight::test::sharedData("adventureworks/AdventureWorks_Products.csv");
    if (path.empty()) return;
    const auto r = DelimitedReader::readFile(path.string());
    QCOMPARE(r.delimiter, ',');
    QVERIFY(r.table.hadHeader);
    QCOMPARE(r.table.columnCount(), std::size_t{11});
    QCOMPARE(r.table.rows.size(), std::size_t{293});
    QVERIFY(r.warnings.empty());
    const int name = r.table.columnIndex("ProductName");
    QCOMPARE(r.table.rows.front()[static_cast<std::size_t>(name)],
             std::string("Sport-100 Helmet, Red"));
    QCOMPARE(r.table.rows.front()[10], std::string("34.99"));  // no CR left from CRLF
  }
  void realPurchaseOrdersTabWithoutHeader() {
    const auto path = foresight::test::sharedData("oltp/PurchaseOrderHeader.csv");
    if (path.empty()) return;
    const auto r = DelimitedReader::readFile(path.string());
    QCOMPARE(r.delimiter, '\t');
    QVERIFY(!r.table.hadHeader);
    QCOMPARE(r.table.columnCount(), std::size_t{13});
    QCOMPARE(r.table.rows.size(), std::size_t{4012});
    QCOMPARE(r.table.rows.front()[6], std::string("2022-04-15 00:00:00.000"));
    QCOMPARE(r.table.lineNumbers.back(), std::size_t{4012});
  }
};

QTEST_GUILESS_MAIN(DelimitedReaderTest)
#include "DelimitedReaderTest.moc"
