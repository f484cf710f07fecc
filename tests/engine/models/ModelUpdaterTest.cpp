#include <QtTest/QtTest>

#include <sstream>

#include "ModelTestData.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ForecastTable.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/ModelUpdater.h"

using namespace foresight;
using foresight::test::makeSeries;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

std::unique_ptr<Forecaster> naiveOn(const TimeSeries& y) {
  auto m = ModelFactory::create("naive");
  m->fit(y);
  return m;
}
}  // namespace

class ModelUpdaterTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void observationsLandOnTheModelsGrid() {
    // Weekly model on Wednesdays; newer data read as daily (one date).
    TimeSeries y{"w", Frequency::Weekly, *Date::fromYmd(2020, 1, 1), Eigen::Vector3d(1, 2, 3)};
    const auto m = naiveOn(y);
    const TimeSeries newer{"w", Frequency::Daily, *Date::fromYmd(2020, 1, 22), Eigen::VectorXd::Constant(15, kNaN)};
    TimeSeries observed = newer;
    observed.values[0] = 4;
    observed.values[14] = 6;  // 2020-02-05, two weeks later
    const TimeSeries grid = ModelUpdater::onModelGrid(observed, m->info(), "new.csv");
    QCOMPARE(grid.frequency, Frequency::Weekly);
    QCOMPARE(grid.start.toIso(), std::string("2020-01-22"));
    QCOMPARE(grid.size(), Eigen::Index(3));
    QVERIFY(std::isnan(grid.values[1]));
    QCOMPARE(grid.values[2], 6.0);
    QVERIFY(ModelUpdater::onModelGrid(newer, m->info(), "new.csv").empty());
    observed.values[1] = 5;  // a Thursday: not on the grid
    try {
      (void)ModelUpdater::onModelGrid(observed, m->info(), "new.csv");
      QFAIL("accepted a date off the grid");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("new.csv: field 'date': value '2020-01-23'") != std::string::npos, e.what());
    }
  }
  void seriesAreMatchedByName() {
    auto a = naiveOn(makeSeries({1, 2}, Frequency::Monthly, "a"));
    auto b = naiveOn(makeSeries({5, 6}, Frequency::Monthly, "b"));
    Panel newer;
    newer.series.push_back(TimeSeries{"b", Frequency::Monthly, *Date::fromYmd(2020, 3, 1), Eigen::Vector2d(7, 8)});
    ModelUpdater::apply({a.get(), b.get()}, newer, "n.csv");
    QCOMPARE(b->info().n, 4);
    QCOMPARE(a->info().n, 2);
    newer.series[0].name = "c";
    try {
      ModelUpdater::apply({a.get(), b.get()}, newer, "n.csv");
      QFAIL("updated an unknown series");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("n.csv: field 'series': value 'c': no model was fitted") != std::string::npos,
               e.what());
    }
    // One model and one newer series pair up whatever their names.
    Panel single;
    single.series.push_back(TimeSeries{"file-stem", Frequency::Monthly, *Date::fromYmd(2020, 3, 1), Eigen::Vector2d(9, 9)});
    ModelUpdater::apply({a.get()}, single, "n.csv");
    QCOMPARE(a->info().n, 4);
  }
  void updateErrorsNameTheFile() {
    auto a = naiveOn(makeSeries({1, 2}, Frequency::Monthly, "a"));
    Panel gap;
    gap.series.push_back(TimeSeries{"a", Frequency::Monthly, *Date::fromYmd(2020, 5, 1), Eigen::Vector2d(7, 8)});
    try {
      ModelUpdater::apply({a.get()}, gap, "n.csv");
      QFAIL("accepted a gap");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).rfind("n.csv: series 'a': newer data starts at 2020-05-01", 0) == 0, e.what());
    }
  }
  void forecastTableWritesFlatRecords() {
    auto m = naiveOn(makeSeries({1, 2, 4}, Frequency::Monthly, "north, east"));
    ForecastTable table;
    table.add("north, east", m->forecast(2, {97.5, 80}));
    QCOMPARE(table.columns(), (std::vector<std::string>{"series", "date", "mean", "lo80", "hi80", "lo97.5", "hi97.5"}));
    std::ostringstream csv;
    table.writeCsv(csv);
    const std::string text = csv.str();
    QVERIFY2(text.rfind("series,date,mean,lo80,hi80,lo97.5,hi97.5\n\"north, east\",2020-04-01,4,", 0) == 0, text.c_str());
    const auto json = table.toJson();
    QCOMPARE(json.size(), std::size_t(2));
    QCOMPARE(json[1]["date"].get<std::string>(), std::string("2020-05-01"));
    QCOMPARE(json[1].begin().key(), std::string("series"));
    QCOMPARE(ForecastTable::formatNumber(1e7), std::string("10000000"));
    QCOMPARE(ForecastTable::formatNumber(-0.0), std::string("0"));
    QCOMPARE(ForecastTable::formatNumber(0.1), std::string("0.1"));
    QCOMPARE(ForecastTable::formatNumber(1e20), std::string("1e+20"));
    auto other = naiveOn(makeSeries({1, 2}));
    QVERIFY_THROWS_EXCEPTION(Error, table.add("x", other->forecast(2, {80})));
  }
};

QTEST_GUILESS_MAIN(ModelUpdaterTest)
#include "ModelUpdaterTest.moc"
