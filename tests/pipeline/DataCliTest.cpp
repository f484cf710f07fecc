// The `foresight data inspect|validate|series` commands, run as the real
// binary: outputs, exit codes and messages users and CI scripts see.
#include <QProcess>
#include <QtTest/QtTest>

#include <cerrno>
#include <cstring>

#include "../engine/data/AwRawTotals.h"
#include "../engine/data/DataFixtures.h"
#include "engine/io/Decimal.h"

using namespace foresight;
using test::mentions;

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

Run foresightCli(const QStringList& args, const std::filesystem::path& cwd = {}) {
  QProcess p;
  if (!cwd.empty()) p.setWorkingDirectory(QString::fromStdString(cwd.string()));
  p.start(QStringLiteral(FORESIGHT_CLI), args);
  if (!p.waitForFinished(120000)) return {};
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput().toStdString(),
          p.readAllStandardError().toStdString()};
}

QString q(const std::filesystem::path& p) { return QString::fromStdString(p.string()); }

struct SeriesFile {
  std::vector<std::string> names, dates;
  Decimal total;
  std::size_t rows = 0;
};

// Reads series,date,value text with no Foresight code; values summed exactly.
SeriesFile parseSeries(const std::string& text) {
  SeriesFile f;
  const auto lines = test::lines(text);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto comma = lines[i].rfind(','), before = lines[i].rfind(',', comma - 1);
    const std::string name = lines[i].substr(0, before);
    if (f.names.empty() || f.names.back() != name) f.names.push_back(name);
    f.dates.push_back(lines[i].substr(before + 1, comma - before - 1));
    f.total += *Decimal::parse(lines[i].substr(comma + 1));
    ++f.rows;
  }
  return f;
}

}  // namespace

class DataCliTest : public QObject {
  Q_OBJECT
  std::filesystem::path aw_;
  test::AwRawTotals raw_;

 private Q_SLOTS:
  void initTestCase() {
    aw_ = test::sharedData("adventureworks");
    if (aw_.empty()) return;
    raw_ = test::AwRawTotals::of(aw_);
  }

  // foresight data series ../shared/data/adventureworks --measure revenue --freq D --out daily.csv
  void dailyRevenueSeriesOfTheRealExport() {
    const auto dir = test::makeTempDir("cli-daily");
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(aw_), QStringLiteral("--measure"),
                                QStringLiteral("revenue"), QStringLiteral("--freq"), QStringLiteral("D"),
                                QStringLiteral("--out"), QStringLiteral("daily.csv")},
                               dir);
    QVERIFY2(r.code == 0, r.err.c_str());
    QVERIFY2(mentions(r.err, {"wrote 912 rows", "2015-01-01 to 2017-06-30", "daily.csv"}), r.err.c_str());
    const std::string text = test::readText(dir / "daily.csv");
    QVERIFY(text.rfind("series,date,value\n", 0) == 0);
    const SeriesFile f = parseSeries(text);
    QCOMPARE(f.rows, std::size_t{912});
    QCOMPARE(f.dates.front(), std::string("2015-01-01"));
    QCOMPARE(f.dates.back(), std::string("2017-06-30"));
    QCOMPARE(f.names, std::vector<std::string>{"revenue"});
    QCOMPARE(f.total.units() / 100, raw_.revenue);             // to the cent: exact in 1e-4 units
    QCOMPARE(f.total.toString(), std::string("24914586.8193"));
  }

  void byTerritoryTenSeriesAddUp() {
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(aw_), QStringLiteral("--by"),
                                QStringLiteral("territory"), QStringLiteral("--out"), QStringLiteral("-")});
    QVERIFY2(r.code == 0, r.err.c_str());
    const SeriesFile f = parseSeries(r.out);
    QCOMPARE(f.names.size(), std::size_t{10});
    QCOMPARE(f.rows, std::size_t{9120});
    QCOMPARE(f.total.units() / 100, raw_.revenue);
  }

  // Every node of the territory hierarchy, named by path, with its level.
  void hierarchyWritesEveryNodeWithItsLevel() {
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(aw_), QStringLiteral("--hierarchy"),
                                QStringLiteral("territory"), QStringLiteral("--out"), QStringLiteral("-")});
    QVERIFY2(r.code == 0, r.err.c_str());
    QVERIFY(r.out.rfind("series,date,value,level\nTotal,2015-01-01,", 0) == 0);
    QVERIFY(r.out.find("\nEurope/France/France,2017-06-30,") != std::string::npos);
    QVERIFY(r.out.find(",region\n") != std::string::npos && r.out.find(",territory\n") != std::string::npos);
    QVERIFY2(r.err.find("20 series x 912 periods") != std::string::npos, r.err.c_str());
    const Run both = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(aw_), QStringLiteral("--hierarchy"),
                                   QStringLiteral("territory"), QStringLiteral("--by"), QStringLiteral("product"),
                                   QStringLiteral("--out"), QStringLiteral("-")});
    QCOMPARE(both.code, 2);
    QVERIFY2(both.err.find("--hierarchy and --by") != std::string::npos, both.err.c_str());
  }

  void purchaseOrderHeaderDailyTotalDue() {
    const auto po = test::sharedData("oltp/PurchaseOrderHeader.csv");
    if (po.empty()) return;
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(po), QStringLiteral("--out"), QStringLiteral("-")});
    QVERIFY2(r.code == 0, r.err.c_str());
    const SeriesFile f = parseSeries(r.out);
    QCOMPARE(f.names, std::vector<std::string>{"TotalDue"});
    QCOMPARE(f.rows, std::size_t{1256});
    QCOMPARE(f.total.toString(), std::string("70479332.6383"));
  }

  void transactionHistoryFixtureGivesDailyPaidAmount() {
    const auto dir = test::makeTempDir("cli-th");
    test::writeText(dir / "TransactionHistory.csv",
                    "100000\t784\t41590\t0\t2013-07-31 00:00:00.000\tS\t2\t34.9900\t2013-07-31 00:00:00.000\n"
                    "100001\t794\t41591\t0\t2013-08-01 00:00:00.000\tS\t3\t10.0100\t2013-08-01 00:00:00.000\n");
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(dir / "TransactionHistory.csv"),
                                QStringLiteral("--out"), QStringLiteral("-")});
    QVERIFY2(r.code == 0, r.err.c_str());
    QCOMPARE(r.out, std::string("series,date,value\nPaidAmount,2013-07-31,69.98\nPaidAmount,2013-08-01,30.03\n"));
  }

  void inspectReportsTablesRangeAndMeasures() {
    const Run text = foresightCli({QStringLiteral("data"), QStringLiteral("inspect"), q(aw_)});
    QVERIFY2(text.code == 0, text.err.c_str());
    QVERIFY2(mentions(text.out, {"Adventure Works sales export", "56046 read, 56046 used, 0 rejected",
                                 "2015-01-01 to 2017-06-30", "revenue = 24914586.8193 [default]", "territory (10)"}),
             text.out.c_str());
    const Run json = foresightCli({QStringLiteral("data"), QStringLiteral("inspect"), q(aw_), QStringLiteral("--json")});
    QCOMPARE(json.code, 0);
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json.out));
    const auto set = doc.object().value(QStringLiteral("datasets")).toArray().at(0).toObject();
    QCOMPARE(set.value(QStringLiteral("rows")).toObject().value(QStringLiteral("used")).toInt(), 56046);
    QCOMPARE(set.value(QStringLiteral("measures")).toArray().at(0).toObject().value(QStringLiteral("total")).toString(),
             QStringLiteral("24914586.8193"));
  }

  // The demand pattern of each series the series options build.
  void inspectClassifiesTheSeriesItWouldBuild() {
    const Run text = foresightCli({QStringLiteral("data"), QStringLiteral("inspect"), q(aw_), QStringLiteral("--measure"),
                                   QStringLiteral("quantity"), QStringLiteral("--by"), QStringLiteral("product")});
    QVERIFY2(text.code == 0, text.err.c_str());
    QVERIFY2(mentions(text.out, {"demand patterns (Syntetos-Boylan: ADI cut 1.32, CV\u00b2 cut 0.49): intermittent 102, "
                                 "inactive 28\n",
                                 "All-Purpose Bike Stand", "intermittent\n"}),
             text.out.c_str());
    const Run json = foresightCli({QStringLiteral("data"), QStringLiteral("inspect"), q(aw_), QStringLiteral("--by"),
                                   QStringLiteral("territory"), QStringLiteral("--json")});
    QCOMPARE(json.code, 0);
    const auto patterns = QJsonDocument::fromJson(QByteArray::fromStdString(json.out))
                              .object()
                              .value(QStringLiteral("datasets"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("demand_patterns"))
                              .toArray();
    QCOMPARE(patterns.size(), 10);
    const auto australia = patterns.at(0).toObject();
    QCOMPARE(australia.value(QStringLiteral("series")).toString(), QStringLiteral("Australia"));
    QCOMPARE(australia.value(QStringLiteral("class")).toString(), QStringLiteral("smooth"));
    QCOMPARE(australia.value(QStringLiteral("periods")).toInt(), 912);
    const Run bad = foresightCli({QStringLiteral("data"), QStringLiteral("inspect"), q(aw_), QStringLiteral("--by"),
                                  QStringLiteral("planet")});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.find("--by") != std::string::npos, bad.err.c_str());
  }

  void validateTheRealExportPasses() {
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("validate"), q(aw_)});
    QVERIFY2(r.code == 0, (r.out + r.err).c_str());
    QVERIFY2(mentions(r.out, {"missing_dates", "2016-02-29", "OK: 0 error finding(s)"}), r.out.c_str());
  }

  void validateExitsTwoOnErrorFindings() {
    test::AwFixture aw("cli-validate");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO1,999,11,1,1,1\r\n14-03-2016,01-01-2001,SO2,2,11,1,1,1\r\n");
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("validate"), q(aw.dir)});
    QCOMPARE(r.code, 2);
    QVERIFY2(mentions(r.out, {"error", "unknown_product", file.string() + ":2", "'999'", "FAILED: 1 error finding(s)"}),
             r.out.c_str());
    const Run json = foresightCli({QStringLiteral("data"), QStringLiteral("validate"), q(aw.dir), QStringLiteral("--json")});
    QCOMPARE(json.code, 2);
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json.out)).object();
    QCOMPARE(doc.value(QStringLiteral("ok")).toBool(), false);
    // series stops on the rejected row, naming it, and writes nothing
    const auto out = aw.dir / "series.csv";
    const Run series = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(aw.dir), QStringLiteral("--out"), q(out)});
    QCOMPARE(series.code, 2);
    QVERIFY2(mentions(series.err, {file.string() + ":2", "ProductKey", "'999'", "1 row rejected", "--skip-bad-rows"}),
             series.err.c_str());
    QVERIFY(!std::filesystem::exists(out));
    // skipping is a choice: the row is then listed as a warning, never as an error
    const Run skipped = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(aw.dir), QStringLiteral("--out"),
                                      q(out), QStringLiteral("--skip-bad-rows")});
    QCOMPARE(skipped.code, 0);
    QVERIFY2(mentions(skipped.err, {"warning: 1 row skipped", "warning: skipped row " + file.string() + ":2", "'999'"}),
             skipped.err.c_str());
    QVERIFY2(skipped.err.find("error") == std::string::npos, skipped.err.c_str());
    QVERIFY(std::filesystem::exists(out));
  }

  // A generic file: a value that is not a number stops `data series` with
  // exit 2 naming file:line, field and value and the count of such rows.
  void nonNumericValueStopsDataSeries() {
    const auto dir = test::makeTempDir("cli-non-numeric");
    const auto csv = dir / "shop.csv";
    std::ofstream(csv) << "date,value\n2024-01-01,1\n2024-01-02,abc\n2024-01-03,3\n2024-01-04,x\n2024-01-05,5\n";
    const auto out = dir / "out.csv";
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(csv), QStringLiteral("--out"), q(out)});
    QCOMPARE(r.code, 2);
    QVERIFY2(mentions(r.err, {"2 rows rejected", csv.string() + ":3: field 'value': value 'abc'", "not a number",
                              csv.string() + ":5: field 'value': value 'x'"}),
             r.err.c_str());
    QVERIFY(!std::filesystem::exists(out));
    const Run skip = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(csv), QStringLiteral("--out"), q(out),
                                   QStringLiteral("--skip-bad-rows"), QStringLiteral("--fill"), QStringLiteral("none")});
    QCOMPARE(skip.code, 0);
    QVERIFY2(mentions(skip.err, {"2 rows skipped", "skipped row " + csv.string() + ":3", "skipped row " + csv.string() + ":5"}),
             skip.err.c_str());
    QVERIFY2(skip.err.find("error") == std::string::npos, skip.err.c_str());
    const auto lines = test::lines(test::readText(out));
    QCOMPARE(lines.size(), std::size_t(6));  // header + 5 days, the two bad ones empty
    QCOMPARE(lines[2], std::string("value,2024-01-02,"));
  }

  // Values that are not finite numbers (NaN, inf, beyond double's range) or
  // not plain numbers ("1,234.56") follow the same rule: rows rejected, the
  // run stops naming them, never a period silently written as 0.
  void nonFiniteAndOutOfRangeValuesAreBadRows() {
    const auto dir = test::makeTempDir("cli-non-finite");
    const auto csv = dir / "shop.csv";
    std::ofstream(csv) << "date,value\n2024-01-01,1\n2024-01-02,NaN\n2024-01-03,1e309\n2024-01-04,\"1,234.56\"\n"
                          "2024-01-05,inf\n2024-01-06,-1e400\n2024-01-07,7\n";
    const auto out = dir / "out.csv";
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(csv), QStringLiteral("--out"), q(out)});
    QCOMPARE(r.code, 2);
    QVERIFY2(mentions(r.err, {"5 rows rejected", csv.string() + ":3: field 'value': value 'NaN'"}), r.err.c_str());
    QVERIFY(!std::filesystem::exists(out));
    const Run fit = foresightCli({QStringLiteral("fit"), QStringLiteral("--data"), q(csv), QStringLiteral("--model"),
                                  QStringLiteral("naive"), QStringLiteral("--out"), q(dir / "m.json")});
    QCOMPARE(fit.code, 2);
    QVERIFY(!std::filesystem::exists(dir / "m.json"));
  }

  // A symlink loop is named as what it is, not as a missing file.
  void aSymlinkLoopSaysSo() {
    const auto dir = test::makeTempDir("cli-loop");
    std::filesystem::create_symlink(dir / "b", dir / "a");
    std::filesystem::create_symlink(dir / "a", dir / "b");
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(dir / "a"), QStringLiteral("--out"),
                                QStringLiteral("-")});
    QCOMPARE(r.code, 2);
    QVERIFY2(mentions(r.err, {(dir / "a").string(), std::strerror(ELOOP)}), r.err.c_str());
  }

  void badInputExitsTwoNamingFileAndLine() {
    test::AwFixture aw("cli-31-02");
    const auto file = aw.sales("2016", "13-03-2016,01-01-2001,SO1,2,11,1,1,1\r\n31-02-2016,01-01-2001,SO2,2,11,1,1,1\r\n");
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(aw.dir), QStringLiteral("--out"), QStringLiteral("-")});
    QCOMPARE(r.code, 2);
    QVERIFY2(mentions(r.err, {"foresight: ", file.string() + ":3", "OrderDate", "31-02-2016"}), r.err.c_str());
    QVERIFY(r.out.empty());
  }

  void usageErrorsExitTwo() {
    const auto po = test::sharedData("oltp/PurchaseOrderHeader.csv");
    const auto oltp = test::sharedData("oltp");
    if (po.empty() || oltp.empty()) return;
    const std::vector<std::pair<QStringList, std::vector<std::string>>> cases = {
        {{QStringLiteral("--freq"), QStringLiteral("X")}, {"--freq", "'X'", "D, W, M"}},
        {{QStringLiteral("--by"), QStringLiteral("country")}, {"grouping by country is not available"}},
        {{QStringLiteral("--measure"), QStringLiteral("revenue")}, {"'revenue' is not available", "amount"}},
        {{QStringLiteral("--from"), QStringLiteral("2022-13-01")}, {"--from", "YYYY-MM-DD"}},
        {{QStringLiteral("--fill"), QStringLiteral("magic")}, {"--fill", "zero, interpolate, none"}},
        {{QStringLiteral("--date-format"), QStringLiteral("julian")}, {"--date-format", "'julian'"}},
        {{QStringLiteral("--query"), QStringLiteral("SELECT 1")}, {"--query only applies"}},
    };
    for (const auto& [extra, needles] : cases) {
      QStringList args = {QStringLiteral("data"), QStringLiteral("series"), q(po), QStringLiteral("--out"), QStringLiteral("-")};
      args += extra;
      const Run r = foresightCli(args);
      QCOMPARE(r.code, 2);
      QVERIFY2(mentions(r.err, needles), r.err.c_str());
    }
    const Run two = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(oltp), QStringLiteral("--out"), QStringLiteral("-")});
    QCOMPARE(two.code, 2);
    QVERIFY2(mentions(two.err, {"holds 2 tables", "PurchaseOrderHeader.csv", "name one of the files"}), two.err.c_str());
    const Run noOut = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(po)});
    QCOMPARE(noOut.code, 2);
    QVERIFY(mentions(noOut.err, {"--out"}));
    const Run nothing = foresightCli({QStringLiteral("data"), QStringLiteral("inspect"), QStringLiteral("/nonexistent/x")});
    QCOMPARE(nothing.code, 2);
    QVERIFY(mentions(nothing.err, {"/nonexistent/x", "no such file or folder"}));
  }

  void databaseSourcesNeedAQueryAndNameTheDatabase() {
    const auto dir = test::makeTempDir("cli-sql");
    const Run noQuery = foresightCli({QStringLiteral("data"), QStringLiteral("inspect"), QStringLiteral("sqlite://") + q(dir / "x.db")});
    QCOMPARE(noQuery.code, 2);
    QVERIFY(mentions(noQuery.err, {"needs --query"}));
    const Run missing = foresightCli({QStringLiteral("data"), QStringLiteral("series"), QStringLiteral("sqlite://") + q(dir / "x.db"),
                                      QStringLiteral("--query"), QStringLiteral("SELECT 1"), QStringLiteral("--out"), QStringLiteral("-")});
    QCOMPARE(missing.code, 2);
    QVERIFY(mentions(missing.err, {(dir / "x.db").string(), "no such database file"}));
    const Run unreachable = foresightCli({QStringLiteral("data"), QStringLiteral("validate"),
                                          QStringLiteral("postgresql://ana:hunter2@127.0.0.1:1/sales"), QStringLiteral("--query"),
                                          QStringLiteral("SELECT 1")});
    QCOMPARE(unreachable.code, 2);
    QVERIFY2(mentions(unreachable.err, {"postgresql://ana:***@127.0.0.1:1/sales", "cannot open the database"}),
             unreachable.err.c_str());
    QVERIFY(unreachable.err.find("hunter2") == std::string::npos);
  }

  void genericFileWithExplicitColumns() {
    const auto dir = test::makeTempDir("cli-generic");
    test::writeText(dir / "shop.csv", "when;shop;takings\n03/01/2021;A;10.5\n03/02/2021;A;2\n03/02/2021;B;1\n");
    const Run r = foresightCli({QStringLiteral("data"), QStringLiteral("series"), q(dir / "shop.csv"), QStringLiteral("--date-col"),
                                QStringLiteral("when"), QStringLiteral("--value-col"), QStringLiteral("takings"),
                                QStringLiteral("--series-col"), QStringLiteral("shop"), QStringLiteral("--by"), QStringLiteral("series"),
                                QStringLiteral("--date-format"), QStringLiteral("mdy"), QStringLiteral("--freq"), QStringLiteral("M"),
                                QStringLiteral("--out"), QStringLiteral("-")});
    QVERIFY2(r.code == 0, r.err.c_str());
    QCOMPARE(r.out, std::string("series,date,value\nA,2021-03-01,12.5\nB,2021-03-01,1\n"));
  }

  void sampleDataLoadsLikeRealData() {
    const auto dir = test::makeTempDir("cli-sample") / "sample";
    const Run sample = foresightCli({QStringLiteral("data"), QStringLiteral("sample"), QStringLiteral("--out"), q(dir),
                                     QStringLiteral("--json")});
    QVERIFY2(sample.code == 0, sample.err.c_str());
    const auto summary = QJsonDocument::fromJson(QByteArray::fromStdString(sample.out)).object();
    const Run inspect = foresightCli({QStringLiteral("data"), QStringLiteral("inspect"), q(dir), QStringLiteral("--json")});
    QVERIFY2(inspect.code == 0, inspect.err.c_str());
    const auto set = QJsonDocument::fromJson(QByteArray::fromStdString(inspect.out))
                         .object().value(QStringLiteral("datasets")).toArray().at(0).toObject();
    QCOMPARE(set.value(QStringLiteral("kind")).toString(), QStringLiteral("adventureworks"));
    QCOMPARE(set.value(QStringLiteral("rows")).toObject().value(QStringLiteral("used")).toInteger(),
             summary.value(QStringLiteral("order_lines")).toInteger());
    QCOMPARE(set.value(QStringLiteral("rows")).toObject().value(QStringLiteral("rejected")).toInt(), 0);
    const double revenue = set.value(QStringLiteral("measures")).toArray().at(0).toObject()
                               .value(QStringLiteral("total")).toString().toDouble();
    FORESIGHT_COMPARE_NEAR(revenue, summary.value(QStringLiteral("revenue")).toDouble(), 1e-12);
    const Run validate = foresightCli({QStringLiteral("data"), QStringLiteral("validate"), q(dir)});
    QVERIFY2(validate.code == 0, validate.out.c_str());
  }
};

QTEST_GUILESS_MAIN(DataCliTest)
#include "DataCliTest.moc"
