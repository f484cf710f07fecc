// PowerBiExport: the long CSV Power BI loads - columns, kinds, continuous
// dates, quoting, number format, intervals, and refusals that name the series.
#include <QtTest/QtTest>
#include <cmath>
#include <fstream>
#include <sstream>

#include "StrictCsv.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "pipeline/PowerBiExport.h"

using namespace foresight;
using foresight::pipeline::PowerBiExport;

namespace {

TimeSeries daily(const std::string& name, const char* start, std::vector<double> v) {
  TimeSeries s;
  s.name = name;
  s.start = *Date::parseIso(start);
  s.values = Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
  return s;
}

Forecast forecastAfter(const TimeSeries& s, int horizon, std::vector<double> levels) {
  Forecast f;
  f.start = s.dateAt(s.size());
  f.frequency = s.frequency;
  f.levels = levels;
  f.mean = Eigen::VectorXd::Constant(horizon, 1234567.125);
  f.lower.resize(horizon, static_cast<Eigen::Index>(levels.size()));
  f.upper.resize(horizon, static_cast<Eigen::Index>(levels.size()));
  for (Eigen::Index j = 0; j < f.lower.cols(); ++j) {
    f.lower.col(j).setConstant(1000000.0 - 1000.0 * static_cast<double>(j));
    f.upper.col(j).setConstant(1500000.0 + 1000.0 * static_cast<double>(j));
  }
  return f;
}

std::string csvOf(const PowerBiExport& e) {
  std::ostringstream out;
  e.writeCsv(out);
  return out.str();
}

}  // namespace

class PowerBiExportTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // A hierarchical table: level, parent and the path columns before model;
  // numbers exact (not rounded to decimals()); level names that would make
  // a second column of one name are refused.
  void hierarchyColumnsAndExactNumbers() {
    PowerBiExport e("run-8");
    e.setHierarchyLevels({"region", "country"});
    const TimeSeries total = daily("Total", "2017-01-30", {10.123456789012344, 11});
    const TimeSeries fr = daily("Europe/France", "2017-01-30", {3.25, 4});
    e.add(total, forecastAfter(total, 1, {80}), "m", "1", "Total", {"total", "", {}});
    e.add(fr, forecastAfter(fr, 1, {80}), "m", "1", "Europe/France", {"country", "Europe", {"Europe", "France"}});
    const auto t = test::parseStrictCsv(csvOf(e));
    QVERIFY2(t.error.empty(), t.error.c_str());
    QCOMPARE(t.header, (std::vector<std::string>{"series", "date", "kind", "value", "lo80", "hi80", "level", "parent",
                                                 "region", "country", "model", "model_version", "run_id"}));
    QCOMPARE(t.rows[0][3], std::string("10.123456789012344"));
    QCOMPARE(t.rows[0][6], std::string("total"));
    QCOMPARE(t.rows[0][8], std::string());
    const auto& france = t.rows[3];
    QCOMPARE(france[0], std::string("Europe/France"));
    QCOMPARE(france[6], std::string("country"));
    QCOMPARE(france[7], std::string("Europe"));
    QCOMPARE(france[8], std::string("Europe"));
    QCOMPARE(france[9], std::string("France"));
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"region", "region"},
                                                std::vector<std::string>{"date"}, std::vector<std::string>{"lo80"},
                                                std::vector<std::string>{""}}) {
      PowerBiExport other;
      QVERIFY_THROWS_EXCEPTION(InputError, other.setHierarchyLevels(bad));
    }
    PowerBiExport flat;
    QVERIFY_THROWS_EXCEPTION(Error, flat.add(total, forecastAfter(total, 1, {80}), "m", "1", "Total", {"total", "", {}}));
  }

  void writesHistoryThenForecastPerSeries() {
    PowerBiExport e("run-7");
    const TimeSeries a = daily("Total", "2017-01-30", {10.5, 11, 12});
    const TimeSeries b = daily("Europe, \"West\"", "2017-01-31", {3, 4});
    e.add(a, forecastAfter(a, 3, {80, 95}), "ets", "4");
    e.add(b, forecastAfter(b, 3, {80, 95}), "theta", "2");
    const auto t = test::parseStrictCsv(csvOf(e));
    QVERIFY2(t.error.empty(), t.error.c_str());
    const std::vector<std::string> header = {"series", "date", "kind", "value", "lo80", "hi80", "lo95", "hi95",
                                             "model", "model_version", "run_id"};
    QCOMPARE(t.header, header);
    QCOMPARE(t.rows.size(), std::size_t(11));
    QCOMPARE(e.actualRows(), std::size_t(5));
    QCOMPARE(e.forecastRows(), std::size_t(6));
    // Series a: 3 actual rows, then 3 forecast rows on the next days.
    QCOMPARE(t.rows[0], (std::vector<std::string>{"Total", "2017-01-30", "actual", "10.5", "", "", "", "", "ets", "4", "run-7"}));
    QCOMPARE(t.rows[2][1], std::string("2017-02-01"));
    QCOMPARE(t.rows[3], (std::vector<std::string>{"Total", "2017-02-02", "forecast", "1234567.125", "1000000", "1500000",
                                                  "999000", "1501000", "ets", "4", "run-7"}));
    QCOMPARE(t.rows[5][1], std::string("2017-02-04"));
    // The quoted name survives the round trip.
    QCOMPARE(t.rows[6][0], std::string("Europe, \"West\""));
    QCOMPARE(t.rows[8][2], std::string("forecast"));
    QCOMPARE(t.rows[8][1], std::string("2017-02-02"));
  }

  // A series or model name a spreadsheet would run as a formula is written
  // as text (OWASP: quoted, with a leading single quote); numbers stay numbers
  // even when negative.
  void formulaLeadingNamesAreNeutralised() {
    // Run ids follow the naming rule (runIdsFollowTheNamingRule); every other
    // text field passes the neutraliser: series names and the model label.
    PowerBiExport e("run-1");
    const TimeSeries a = daily("=cmd|' /C calc'!A0", "2017-01-30", {-10.5, 11});
    const TimeSeries b = daily("+SUM(1+1)", "2017-01-30", {1, 2});
    const TimeSeries c = daily("@SUM(1)", "2017-01-30", {1, 2});
    const TimeSeries d = daily("-2+3", "2017-01-30", {1, 2});
    e.add(a, forecastAfter(a, 1, {80}), "=ets", "1");
    e.add(b, forecastAfter(b, 1, {80}), "=ets", "1");
    e.add(c, forecastAfter(c, 1, {80}), "=ets", "1");
    e.add(d, forecastAfter(d, 1, {80}), "=ets", "1");
    const std::string csv = csvOf(e);
    QVERIFY2(csv.find("\"'=cmd|' /C calc'!A0\",2017-01-30,actual,-10.5,") != std::string::npos, csv.c_str());
    QVERIFY2(csv.find("\n\"'+SUM(1+1)\",") != std::string::npos, csv.c_str());
    QVERIFY2(csv.find("\n\"'@SUM(1)\",") != std::string::npos, csv.c_str());
    QVERIFY2(csv.find("\n\"'-2+3\",") != std::string::npos, csv.c_str());
    QVERIFY2(csv.find(",\"'=ets\",1,run-1\n") != std::string::npos, csv.c_str());
    const auto t = test::parseStrictCsv(csv);
    QVERIFY2(t.error.empty(), t.error.c_str());
    for (const auto& row : t.rows) {
      QVERIFY2(row[0].front() == '\'', row[0].c_str());
      QCOMPARE(row[row.size() - 3], std::string("'=ets"));
      QCOMPARE(row.back(), std::string("run-1"));
    }
  }

  // A run id follows the naming rule wherever it is given (it is also a run
  // folder's name), so "../x" or "=cmd()" never reaches a row.
  void runIdsFollowTheNamingRule() {
    QVERIFY_THROWS_EXCEPTION(foresight::InputError, foresight::pipeline::PowerBiExport("../x"));
    QVERIFY_THROWS_EXCEPTION(foresight::InputError, foresight::pipeline::PowerBiExport("=cmd()"));
    foresight::pipeline::PowerBiExport ok("gh-123.2");
    foresight::pipeline::PowerBiExport none;
  }

  void levelsMakeTheIntervalColumns() {
    PowerBiExport e;
    const TimeSeries a = daily("x", "2020-02-28", {1, 2});
    e.add(a, forecastAfter(a, 2, {90}), "snaive", "1");
    const auto t = test::parseStrictCsv(csvOf(e));
    QVERIFY2(t.error.empty(), t.error.c_str());
    QCOMPARE(t.header, (std::vector<std::string>{"series", "date", "kind", "value", "lo90", "hi90", "model",
                                                 "model_version", "run_id"}));
    QCOMPARE(t.rows[2][1], std::string("2020-03-01"));  // after the leap day
    QCOMPARE(t.rows[1][1], std::string("2020-02-29"));
  }

  void missingActualsAreEmptyCellsAndTrailingOnesAreDropped() {
    PowerBiExport e("r");
    const double nan = std::nan("");
    TimeSeries a = daily("x", "2021-01-01", {1, nan, 3, nan});
    Forecast f = forecastAfter(a.head(3), 1, {80});  // the model ended on the last observation
    e.add(a, f, "ets", "1");
    const auto t = test::parseStrictCsv(csvOf(e));
    QVERIFY2(t.error.empty(), t.error.c_str());
    QCOMPARE(t.rows.size(), std::size_t(4));
    QCOMPARE(t.rows[1][3], std::string(""));
    QCOMPARE(t.rows[3][1], std::string("2021-01-04"));
    QCOMPARE(t.rows[3][2], std::string("forecast"));
  }

  void refusesActualsPastTheForecastStart() {
    PowerBiExport e;
    const TimeSeries a = daily("North", "2021-01-01", {1, 2, 3});
    try {
      e.add(a, forecastAfter(a.head(2), 2, {80}), "ets", "1");
      QFAIL("no error");
    } catch (const InputError& err) {
      QVERIFY2(std::string(err.what()).find("North") != std::string::npos, err.what());
      QVERIFY2(std::string(err.what()).find("2021-01-03") != std::string::npos, err.what());
    }
  }

  void refusesMixedLevels() {
    PowerBiExport e;
    const TimeSeries a = daily("a", "2021-01-01", {1});
    e.add(a, forecastAfter(a, 1, {80, 95}), "ets", "1");
    QVERIFY_THROWS_EXCEPTION(InputError, e.add(a, forecastAfter(a, 1, {80}), "ets", "1"));
  }

  void writesTheFileAtomically() {
    const auto dir = test::makeTempDir("powerbi");
    PowerBiExport e("r1");
    const TimeSeries a = daily("a", "2021-01-01", {1, 2});
    e.add(a, forecastAfter(a, 2, {80}), "ets", "1");
    e.writeFile(dir / "out.csv");
    auto entries = [&dir] {
      std::vector<std::string> names;
      for (const auto& f : std::filesystem::directory_iterator(dir)) names.push_back(f.path().filename().string());
      return names;
    };
    QCOMPARE(entries(), std::vector<std::string>{"out.csv"});  // no temporary file left
    std::ifstream in(dir / "out.csv", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    QCOMPARE(text.str(), csvOf(e));
    QVERIFY_THROWS_EXCEPTION(InputError, e.writeFile(dir / "no-such-folder" / "out.csv"));
    // Cancelled before the rename: the old file stays as it was, nothing else appears.
    CancellationToken cancel;
    cancel.cancel();
    PowerBiExport other("r2");
    other.add(a, forecastAfter(a, 2, {80}), "ets", "2");
    QVERIFY_THROWS_EXCEPTION(CancelledError, other.writeFile(dir / "out.csv", &cancel));
    QCOMPARE(entries(), std::vector<std::string>{"out.csv"});
    std::ifstream again(dir / "out.csv", std::ios::binary);
    std::stringstream kept;
    kept << again.rdbuf();
    QCOMPARE(kept.str(), csvOf(e));
  }

  void roundedValuesReproduceTotalsToTheCent() {
    // Revenue-like values with every digit a double holds: 1,000 actual days
    // and a 90-day forecast with two bands.
    std::vector<double> v;
    double exactActual = 0.0;
    for (int i = 0; i < 1000; ++i) {
      v.push_back(43344.2324 + 1234.567891234 * std::sin(0.37 * i) + 0.000123456789 * i);
      exactActual += v.back();
    }
    const TimeSeries a = daily("revenue", "2015-01-01", v);
    Forecast f = forecastAfter(a, 90, {80, 95});
    double exactMean = 0.0, exactLo95 = 0.0;
    for (Eigen::Index h = 0; h < 90; ++h) {
      f.mean[h] = 60861.20100328644 + 17.123456789 * static_cast<double>(h);
      f.lower(h, 1) = f.mean[h] - 17343.474321987 - 0.3333333 * static_cast<double>(h);
      exactMean += f.mean[h];
      exactLo95 += f.lower(h, 1);
    }
    PowerBiExport e("r");
    e.add(a, f, "ets", "1");
    // 1,090 rows: 3 + ceil(log10 1090) = 7 decimals.
    QCOMPARE(e.decimals(), 7);
    const auto t = test::parseStrictCsv(csvOf(e));
    QVERIFY2(t.error.empty(), t.error.c_str());
    double actual = 0.0, mean = 0.0, lo95 = 0.0;
    for (const auto& row : t.rows) {
      for (std::size_t c : {std::size_t(3), std::size_t(6)}) {
        const auto dot = row[c].find('.');
        QVERIFY2(dot == std::string::npos || row[c].size() - dot - 1 <= 7, row[c].c_str());
      }
      if (row[2] == "actual") actual += std::stod(row[3]);
      else {
        mean += std::stod(row[3]);
        lo95 += std::stod(row[6]);
      }
    }
    // The documented bound: N * 0.5 * 10^-7 <= 0.0005, well inside a cent.
    QVERIFY2(std::fabs(actual - exactActual) <= 0.0005, qPrintable(QString::number(actual - exactActual)));
    QVERIFY(std::fabs(mean - exactMean) <= 0.0005);
    QVERIFY(std::fabs(lo95 - exactLo95) <= 0.0005);
    QVERIFY(std::fabs(actual - exactActual) < 0.01 && std::fabs(mean - exactMean) < 0.01);
    // No 15-decimal tails: the forecast's first value is rounded.
    QCOMPARE(t.rows[1000][3], std::string("60861.2010033"));
  }

  void smallMeasuresKeepSixSignificantDigits() {
    PowerBiExport e;
    const TimeSeries a = daily("rate", "2021-01-01", {0.000123456789, 0.000234567891, 0.000345678912});
    Forecast f = forecastAfter(a, 1, {80});
    f.mean[0] = 0.000456789123;
    f.lower(0, 0) = 0.0001;
    f.upper(0, 0) = 0.0008;
    e.add(a, f, "ets", "1");
    // Median magnitude 3.5e-4: 5 - (-4) = 9 decimals.
    QCOMPARE(e.decimals(), 9);
    const auto t = test::parseStrictCsv(csvOf(e));
    QCOMPARE(t.rows[0][3], std::string("0.000123457"));
  }
};

QTEST_GUILESS_MAIN(PowerBiExportTest)
#include "PowerBiExportTest.moc"
