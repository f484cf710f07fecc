// The sample's files against the real Adventure Works export: same names,
// headers, line ends, quoting, date format and column counts; determinism.
#include <QtTest/QtTest>

#include <set>

#include "SampleFolderContents.h"
#include "TestSupport.h"
#include "engine/io/DelimitedReader.h"
#include "engine/sample/SampleDataGenerator.h"
#include "engine/sample/SampleRandom.h"

using foresight::Date;
using foresight::SampleDataGenerator;
using foresight::SampleDataOptions;
namespace fs = std::filesystem;

namespace {
std::string firstLine(const std::string& bytes) {
  return bytes.substr(0, bytes.find('\n') + 1);
}

std::vector<std::string> fileNames(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// FNV-1a: a fixed, portable fingerprint of a file's bytes.
std::uint64_t fnv1a(const std::string& bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}
}  // namespace

class SampleLayoutTest : public QObject {
  Q_OBJECT
  fs::path dir_;
  foresight::SampleDataSummary summary_;

 private Q_SLOTS:
  void initTestCase() {
    dir_ = foresight::test::makeTempDir("sample-layout") / "aw";
    summary_ = SampleDataGenerator::write(dir_, SampleDataOptions{});
  }

  void writesTheExportsFileNames() {
    const std::vector<std::string> expected = {".foresight-sample.json",
                                               "AdventureWorks_Calendar.csv",
                                               "AdventureWorks_Product_Categories.csv",
                                               "AdventureWorks_Product_Subcategories.csv",
                                               "AdventureWorks_Products.csv",
                                               "AdventureWorks_Returns.csv",
                                               "AdventureWorks_Sales_2015.csv",
                                               "AdventureWorks_Sales_2016.csv",
                                               "AdventureWorks_Sales_2017.csv",
                                               "AdventureWorks_Territories.csv"};
    QCOMPARE(fileNames(dir_), expected);
    QCOMPARE(summary_.files.size(), expected.size() - 1);  // the marker is not a table
  }

  void headersAndLineEndsMatchTheRealExport() {
    const auto real = foresight::test::sharedData("adventureworks");
    if (real.empty()) return;
    for (const auto& name : fileNames(dir_)) {
      if (name.front() == '.') continue;
      const std::string ours = foresight::test::fileBytes(dir_ / name);
      const std::string theirs = foresight::test::fileBytes(real / name);
      QVERIFY2(!theirs.empty(), name.c_str());
      QCOMPARE(firstLine(ours), firstLine(theirs));
      // CRLF everywhere, including after the last row, as in the export.
      std::size_t bare = 0;
      for (std::size_t i = 0; i < ours.size(); ++i)
        if (ours[i] == '\n' && (i == 0 || ours[i - 1] != '\r')) ++bare;
      QVERIFY2(bare == 0, name.c_str());
      QCOMPARE(ours.substr(ours.size() - 2), theirs.substr(theirs.size() - 2));
    }
  }

  void quotesProductNamesWithCommasLikeTheExport() {
    const std::string products = foresight::test::fileBytes(dir_ / "AdventureWorks_Products.csv");
    QVERIFY(products.find("\r\n310,1,BK-S20B-38,\"Summit-200 Black, 38\",Summit-200,") !=
            std::string::npos);
    QVERIFY(products.find("1 1/8\"\" threadless") != std::string::npos);  // doubled quote
    QVERIFY(products.find(",Chain,Chain,") != std::string::npos);  // no quotes when not needed
    std::size_t quotedNames = 0;
    for (std::size_t at = 0; (at = products.find(",\"", at)) != std::string::npos; ++at)
      ++quotedNames;
    QVERIFY(quotedNames >= 20);
  }

  void everyRowParsesWithTheHeadersColumnCount() {
    const auto real = foresight::test::sharedData("adventureworks");
    if (real.empty()) return;
    for (const auto& name : fileNames(dir_)) {
      if (name.front() == '.') continue;
      const auto result = foresight::DelimitedReader::readFile((dir_ / name).string());
      QCOMPARE(result.delimiter, ',');
      QVERIFY2(result.warnings.empty(), name.c_str());
      QVERIFY2(result.table.hadHeader, name.c_str());
      const auto realHeader =
          foresight::DelimitedReader::readFile((real / name).string()).table.header;
      QCOMPARE(result.table.header, realHeader);
      for (const auto& row : result.table.rows) QCOMPARE(row.size(), realHeader.size());
      const auto info = std::find_if(summary_.files.begin(), summary_.files.end(),
                                     [&](const auto& f) { return f.name == name; });
      QVERIFY(info != summary_.files.end());
      QCOMPARE(info->rows, result.table.rows.size());
    }
  }

  void datesAreDayMonthYearWithinTheRange() {
    const auto c = foresight::test::SampleFolderContents::read(dir_);
    QVERIFY2(c.problems.empty(), c.problems.empty() ? "" : c.problems.front().c_str());
    const SampleDataOptions o;
    QCOMPARE(c.sales.size(), summary_.orderLines);
    for (const auto& l : c.sales) {
      QVERIFY(l.orderDate >= o.start && l.orderDate <= o.end);
      QVERIFY(l.stockDate < l.orderDate);
    }
    QCOMPARE(c.calendar.size(), static_cast<std::size_t>(o.end - o.start + 1));
    for (std::size_t i = 0; i < c.calendar.size(); ++i)
      QCOMPARE(c.calendar[i], o.start.addDays(static_cast<std::int32_t>(i)));
    QVERIFY(!c.returnDates.empty());
    QVERIFY(std::is_sorted(c.returnDates.begin(), c.returnDates.end()));
    QVERIFY(c.returnDates.front() >= o.start && c.returnDates.back() <= o.end);
    QCOMPARE(SampleDataGenerator::formatDate(*Date::fromYmd(2016, 2, 9)),
             std::string("09-02-2016"));
  }

  void sameSeedGivesIdenticalBytes() {
    const auto again = foresight::test::makeTempDir("sample-again");
    SampleDataGenerator::write(again, SampleDataOptions{});
    QCOMPARE(fileNames(again), fileNames(dir_));
    for (const auto& name : fileNames(dir_))
      QVERIFY2(foresight::test::fileBytes(again / name) == foresight::test::fileBytes(dir_ / name),
               name.c_str());
  }

  void differentSeedGivesDifferentSales() {
    const auto other = foresight::test::makeTempDir("sample-other");
    SampleDataOptions o;
    o.seed = 43;
    SampleDataGenerator::write(other, o);
    for (const auto* name : {"AdventureWorks_Sales_2015.csv", "AdventureWorks_Sales_2016.csv",
                             "AdventureWorks_Sales_2017.csv", "AdventureWorks_Returns.csv"})
      QVERIFY2(foresight::test::fileBytes(other / name) != foresight::test::fileBytes(dir_ / name),
               name);
    // Master data does not depend on the seed.
    QCOMPARE(foresight::test::fileBytes(other / "AdventureWorks_Products.csv"),
             foresight::test::fileBytes(dir_ / "AdventureWorks_Products.csv"));
  }

  // Pinned fingerprints: they fail when the generator's output changes on
  // another compiler, library or CPU (or when someone changes the generator,
  // which changes every user's demo: then update them deliberately).
  void defaultSampleIsPinned() {
    QCOMPARE(foresight::SampleRandom(42).next(), Q_UINT64_C(1546998764402558742));
    QCOMPARE(fnv1a(foresight::test::fileBytes(dir_ / "AdventureWorks_Sales_2016.csv")),
             Q_UINT64_C(7346701896160869165));
    QCOMPARE(summary_.orderLines, std::size_t{32846});
    QCOMPARE(summary_.revenueTenThousandths, std::int64_t{226088459358});
  }

  void aCustomRangeWritesOneSalesFilePerYear() {
    const auto d = foresight::test::makeTempDir("sample-range");
    SampleDataOptions o;
    o.start = *Date::fromYmd(2016, 12, 15);
    o.end = *Date::fromYmd(2017, 1, 10);
    const auto s = SampleDataGenerator::write(d, o);
    QVERIFY(fs::exists(d / "AdventureWorks_Sales_2016.csv"));
    QVERIFY(fs::exists(d / "AdventureWorks_Sales_2017.csv"));
    QVERIFY(!fs::exists(d / "AdventureWorks_Sales_2015.csv"));
    const auto c = foresight::test::SampleFolderContents::read(d);
    QVERIFY(c.problems.empty());
    QCOMPARE(c.calendar.size(), std::size_t{27});
    QCOMPARE(c.sales.size(), s.orderLines);
    QVERIFY(c.sales.front().orderDate >= o.start && c.sales.back().orderDate <= o.end);
  }
};

QTEST_GUILESS_MAIN(SampleLayoutTest)
#include "SampleLayoutTest.moc"
