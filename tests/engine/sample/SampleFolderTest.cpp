// Where the sample may be written: new, empty or earlier-sample folders;
// never someone else's files unless forced; errors name the path.
#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/sample/SampleDataGenerator.h"
#include "engine/sample/SampleFolder.h"

using foresight::Date;
using foresight::InputError;
using foresight::SampleDataGenerator;
using foresight::SampleDataOptions;
namespace fs = std::filesystem;

namespace {
void writeText(const fs::path& p, const std::string& text) {
  std::ofstream(p) << text;
}
std::string readText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

SampleDataOptions shortRange(bool overwrite = false) {
  SampleDataOptions o;
  o.start = *Date::fromYmd(2016, 3, 1);
  o.end = *Date::fromYmd(2016, 3, 31);
  o.overwrite = overwrite;
  return o;
}

// Runs `f`, expecting an InputError; returns it (QVERIFY fails otherwise).
template <typename F>
std::optional<InputError> inputErrorOf(F f) {
  try {
    f();
  } catch (const InputError& e) {
    return e;
  }
  return std::nullopt;
}
}  // namespace

class SampleFolderTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void createsAMissingFolder() {
    const auto dir = foresight::test::makeTempDir("sample-new") / "a" / "b";
    const auto s = SampleDataGenerator::write(dir, shortRange());
    QVERIFY(fs::is_regular_file(dir / "AdventureWorks_Sales_2016.csv"));
    QCOMPARE(s.dir, dir);
    QVERIFY(s.orderLines > 0);
  }

  void replacesAnEarlierSampleWithoutStaleYears() {
    const auto dir = foresight::test::makeTempDir("sample-again");
    SampleDataGenerator::write(dir, SampleDataOptions{});
    QVERIFY(fs::exists(dir / "AdventureWorks_Sales_2015.csv"));
    SampleDataGenerator::write(dir, shortRange());
    QVERIFY(!fs::exists(dir / "AdventureWorks_Sales_2015.csv"));
    QVERIFY(!fs::exists(dir / "AdventureWorks_Sales_2017.csv"));
    QVERIFY(fs::exists(dir / "AdventureWorks_Sales_2016.csv"));
  }

  void refusesAFolderWithOtherFiles() {
    const auto dir = foresight::test::makeTempDir("sample-foreign");
    writeText(dir / "notes.txt", "mine");
    const auto e = inputErrorOf([&] { SampleDataGenerator::write(dir, shortRange()); });
    QVERIFY(e.has_value());
    QCOMPARE(e->where().file, dir.string());
    QVERIFY(std::string(e->what()).find("--force") != std::string::npos);
    QVERIFY(std::string(e->what()).find("notes.txt") != std::string::npos);
    QVERIFY(!fs::exists(dir / foresight::SampleFolder::kMarkerName));
  }

  void refusesARealExportCopyButNotWhenForced() {
    // Export-named files without the marker are someone's data, not a sample.
    const auto dir = foresight::test::makeTempDir("sample-export");
    writeText(dir / "AdventureWorks_Products.csv", "real data");
    writeText(dir / "notes.txt", "mine");
    QVERIFY(inputErrorOf([&] { SampleDataGenerator::write(dir, shortRange()); }).has_value());
    QCOMPARE(readText(dir / "AdventureWorks_Products.csv"), std::string("real data"));
    SampleDataGenerator::write(dir, shortRange(true));
    QVERIFY(readText(dir / "AdventureWorks_Products.csv") != "real data");
    QCOMPARE(readText(dir / "notes.txt"), std::string("mine"));  // left alone
  }

  void namesTheFileThatCannotBeWritten() {
    const auto dir = foresight::test::makeTempDir("sample-blocked");
    fs::create_directory(dir / "AdventureWorks_Returns.csv");  // a folder where a file goes
    const auto e = inputErrorOf([&] { SampleDataGenerator::write(dir, shortRange(true)); });
    QVERIFY(e.has_value());
    QCOMPARE(e->where().file, (dir / "AdventureWorks_Returns.csv").string());
    QVERIFY(e->problem().find("cannot create file") != std::string::npos);
  }

  void namesTheFolderThatCannotBeCreated() {
    const auto base = foresight::test::makeTempDir("sample-nodir");
    writeText(base / "plain", "x");
    const auto e =
        inputErrorOf([&] { SampleDataGenerator::write(base / "plain" / "sub", shortRange()); });
    QVERIFY(e.has_value());
    QCOMPARE(e->where().file, (base / "plain" / "sub").string());
    const auto f = inputErrorOf([&] { SampleDataGenerator::write(base / "plain", shortRange()); });
    QVERIFY(f.has_value());
    QVERIFY(f->problem().find("not a folder") != std::string::npos);
  }

  void rejectsBadRanges() {
    const auto dir = foresight::test::makeTempDir("sample-range");
    SampleDataOptions o;
    o.end = o.start.addDays(-1);
    auto e = inputErrorOf([&] { SampleDataGenerator::write(dir, o); });
    QVERIFY(e.has_value());
    QCOMPARE(e->where().field, std::string("end"));
    o.end = o.start.addDays(SampleDataOptions::kMaxDays);  // one day too many
    e = inputErrorOf([&] { SampleDataGenerator::write(dir, o); });
    QVERIFY(e.has_value());
    QVERIFY(e->problem().find("at most") != std::string::npos);
    o.start = *Date::fromYmd(999, 1, 1);
    o.end = *Date::fromYmd(999, 2, 1);
    e = inputErrorOf([&] { SampleDataGenerator::write(dir, o); });
    QVERIFY(e.has_value());
    QCOMPARE(e->where().field, std::string("start"));
    QVERIFY(fs::is_empty(dir));  // nothing written for a bad request
  }

  void recognisesSampleFileNames() {
    using foresight::SampleFolder;
    QVERIFY(SampleFolder::isSampleFileName("AdventureWorks_Sales_2031.csv"));
    QVERIFY(SampleFolder::isSampleFileName("AdventureWorks_Calendar.csv"));
    QVERIFY(SampleFolder::isSampleFileName(".foresight-sample.json"));
    QVERIFY(!SampleFolder::isSampleFileName("AdventureWorks_Sales_20x6.csv"));
    QVERIFY(!SampleFolder::isSampleFileName("AdventureWorks_Sales_2016.csv.bak"));
    QVERIFY(!SampleFolder::isSampleFileName("AdventureWorks_Customers.csv"));
  }
};

QTEST_GUILESS_MAIN(SampleFolderTest)
#include "SampleFolderTest.moc"
