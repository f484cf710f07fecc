// The tidy series CSV: money round-trips to the cent, the reader infers the
// frequency, and refuses unsorted or repeated dates naming file and line.
#include <QtTest/QtTest>
#include <cmath>
#include <limits>
#include <sstream>

#include "DataFixtures.h"
#include "engine/data/SeriesCsv.h"

using namespace foresight;
using test::errorOf;
using test::mentions;

namespace {

TimeSeries make(const std::string& name, Frequency f, const char* start, std::vector<double> v) {
  TimeSeries s{name, f, *Date::parseIso(start), Eigen::VectorXd::Map(v.data(), static_cast<Eigen::Index>(v.size()))};
  return s;
}

std::string written(const Panel& p) {
  std::ostringstream out;
  SeriesCsv::write(out, p);
  return out.str();
}

}  // namespace

class SeriesCsvTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void valuesAreShortestRoundTripText() {
    QCOMPARE(SeriesCsv::formatValue(10000000.0), std::string("10000000"));
    QCOMPARE(SeriesCsv::formatValue(24914586.8193), std::string("24914586.8193"));  // %.10g: 24914586.82
    QCOMPARE(SeriesCsv::formatValue(123456789.01), std::string("123456789.01"));    // %.10g: 123456789
    QCOMPARE(SeriesCsv::formatValue(0.1), std::string("0.1"));
    QCOMPARE(SeriesCsv::formatValue(-0.0), std::string("0"));
    QCOMPARE(SeriesCsv::formatValue(std::numeric_limits<double>::quiet_NaN()), std::string());
    QCOMPARE(SeriesCsv::formatValue(1e300), std::string("1e+300"));
    for (double v : {24914586.8193, 1097448.0, 0.0001, 9999999990.01, 3.0 / 7.0}) {
      const std::string t = SeriesCsv::formatValue(v);
      QCOMPARE(std::stod(t), v);
    }
  }

  void writesAndReadsBackAPanel() {
    Panel p;
    p.series.push_back(make("Road Bike, Red", Frequency::Daily, "2016-02-28", {1.5, std::nan(""), 123456789.01}));
    p.series.push_back(make("plain", Frequency::Daily, "2016-03-01", {7}));
    const std::string text = written(p);
    QVERIFY(mentions(text, {"series,date,value\n", "\"Road Bike, Red\",2016-02-29,\n", "plain,2016-03-01,7\n"}));
    const Panel back = SeriesCsv::read(text, "mem.csv");
    QCOMPARE(back.series.size(), std::size_t{2});
    QCOMPARE(back.series[0].name, std::string("Road Bike, Red"));
    QCOMPARE(back.series[0].frequency, Frequency::Daily);
    QCOMPARE(back.series[0].values[2], 123456789.01);
    QVERIFY(std::isnan(back.series[0].values[1]));
    QCOMPARE(written(back), text);
  }

  void infersWeeklyMonthlyQuarterlyYearly() {
    QCOMPARE(SeriesCsv::read("s,2020-01-05,1\ns,2020-01-12,2\ns,2020-01-26,3\n", "w.csv").series[0].frequency,
             Frequency::Weekly);
    const Panel w = SeriesCsv::read("s,2020-01-05,1\ns,2020-01-12,2\ns,2020-01-26,3\n", "w.csv");
    QCOMPARE(w.series[0].start.toIso(), std::string("2020-01-05"));  // Sunday-based weeks keep their day
    QCOMPARE(w.series[0].size(), Eigen::Index{4});
    QCOMPARE(SeriesCsv::read("s,2020-01-01,1\ns,2020-03-01,2\n", "m.csv").series[0].frequency, Frequency::Monthly);
    QCOMPARE(SeriesCsv::read("s,2020-01-01,1\ns,2020-04-01,2\n", "q.csv").series[0].frequency, Frequency::Quarterly);
    QCOMPARE(SeriesCsv::read("s,2020-01-01,1\ns,2021-01-01,2\n", "y.csv").series[0].frequency, Frequency::Yearly);
    QCOMPARE(SeriesCsv::read("s,2020-01-01,1\ns,2020-01-02,2\n", "d.csv").series[0].frequency, Frequency::Daily);
  }

  void twoColumnFileIsOneSeriesNamedAfterTheFile() {
    const Panel p = SeriesCsv::read("date,value\n2020-01-01,1\n2020-01-02,2\n", "/tmp/daily-sales.csv");
    QCOMPARE(p.series.size(), std::size_t{1});
    QCOMPARE(p.series[0].name, std::string("daily-sales"));
  }

  void unsortedDatesAreAnError() {
    const std::string m = errorOf([] { SeriesCsv::read("series,date,value\na,2020-01-02,1\na,2020-01-01,2\n", "u.csv"); });
    QVERIFY2(mentions(m, {"input: ", "u.csv:3", "not in increasing order", "line 2"}), m.c_str());
  }

  void repeatedDatesAreAnError() {
    const std::string m = errorOf([] { SeriesCsv::read("a,2020-01-01,1\nb,2020-01-01,1\na,2020-01-01,2\n", "r.csv"); });
    QVERIFY2(mentions(m, {"input: ", "r.csv:3", "date repeated", "series 'a'"}), m.c_str());
  }

  void badDateOrValueNamesTheLine() {
    QVERIFY(mentions(errorOf([] { SeriesCsv::read("a,01/02/2020,1\n", "d.csv"); }), {"d.csv:1", "date", "ISO"}));
    QVERIFY(mentions(errorOf([] { SeriesCsv::read("a,2020-01-01,1\na,2020-01-02,1,5\n", "c.csv"); }), {"c.csv:2"}));
    QVERIFY(mentions(errorOf([] { SeriesCsv::read("a,2020-01-01,12a\n", "v.csv"); }), {"v.csv:1", "value", "'12a'"}));
    QVERIFY(mentions(errorOf([] { SeriesCsv::read("a,b,c,d\n", "x.csv"); }), {"x.csv:1", "series,date,value"}));
  }

  void writeFileFailureNamesThePath() {
    const std::string m = errorOf([] { SeriesCsv::writeFile("/nonexistent-dir/x.csv", Panel{}); });
    QVERIFY2(mentions(m, {"input: ", "/nonexistent-dir/x.csv", "cannot open"}), m.c_str());
  }
};

QTEST_GUILESS_MAIN(SeriesCsvTest)
#include "SeriesCsvTest.moc"
