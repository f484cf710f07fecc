// PowerBiExport: the long CSV Power BI loads - columns, kinds, continuous
// dates, quoting, number format, intervals, and refusals that name the series.
#include <QtTest/QtTest>
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
    QVERIFY(!std::filesystem::exists(dir / "out.csv.tmp"));
    std::ifstream in(dir / "out.csv", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    QCOMPARE(text.str(), csvOf(e));
    QVERIFY_THROWS_EXCEPTION(InputError, e.writeFile(dir / "no-such-folder" / "out.csv"));
  }
};

QTEST_GUILESS_MAIN(PowerBiExportTest)
#include "PowerBiExportTest.moc"
