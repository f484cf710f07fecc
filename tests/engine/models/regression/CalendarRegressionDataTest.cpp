// calendar_regression on daily revenue built through the real loaders: the
// built-in sample (known level shift and weekly pattern) and the Adventure
// Works export in ../shared/data (weekly and yearly cycle, mid-2016 shift).
#include <QtTest/QtTest>

#include <array>
#include <cmath>

#include "TestSupport.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/regression/CalendarRegressionForecaster.h"
#include "engine/sample/SampleDataGenerator.h"

using foresight::CalendarRegressionForecaster;
using foresight::Date;
using foresight::Forecaster;
using foresight::ModelFactory;
using foresight::SampleDataGenerator;
using foresight::TimeSeries;

namespace {
TimeSeries dailyRevenue(const std::filesystem::path& source) {
  const auto data = foresight::DataSourceLoader::loadOne(source.string(), foresight::LoadOptions{});
  foresight::SeriesRequest request;
  request.measure = foresight::Measure::Revenue;
  return foresight::SeriesBuilder::build(data, request).series.front();
}

std::unique_ptr<Forecaster> fitted(const std::string& spec, const TimeSeries& y) {
  auto m = ModelFactory::create(spec);
  m->fit(y);
  return m;
}

// The weekly component per ISO weekday (index 0 = Monday).
std::array<double, 7> weekByDay(const Forecaster& m, const TimeSeries& y) {
  const Eigen::Index first = y.size() - 7;
  const Eigen::VectorXd c = dynamic_cast<const CalendarRegressionForecaster&>(m).seasonalComponent("weekly", first, 7);
  std::array<double, 7> out{};
  for (Eigen::Index i = 0; i < 7; ++i) out[static_cast<std::size_t>(y.dateAt(first + i).isoWeekday() - 1)] = c[i];
  return out;
}

// Mean of y less its centred 7-day moving average, per ISO weekday.
std::array<double, 7> dayOfWeekMeans(const TimeSeries& y) {
  std::array<double, 7> sum{}, count{};
  for (Eigen::Index i = 3; i + 3 < y.size(); ++i) {
    const auto k = static_cast<std::size_t>(y.dateAt(i).isoWeekday() - 1);
    sum[k] += y.values[i] - y.values.segment(i - 3, 7).mean();
    ++count[k];
  }
  for (std::size_t k = 0; k < 7; ++k) sum[k] /= count[k];
  return sum;
}

double spread(const std::array<double, 7>& a) {
  return *std::max_element(a.begin(), a.end()) - *std::min_element(a.begin(), a.end());
}

double correlation(const std::array<double, 7>& a, const std::array<double, 7>& b) {
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < 7; ++i) ma += a[i] / 7, mb += b[i] / 7;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

// Significant changepoints as (date, slope change per day).
std::vector<std::pair<Date, double>> changepoints(const Forecaster& m) {
  std::vector<std::pair<Date, double>> out;
  const nlohmann::json p = m.params();
  for (const auto& c : p.at("changepoints"))
    out.emplace_back(*Date::parseIso(c.at("date").get<std::string>()), c.at("delta").get<double>());
  return out;
}

// Mean absolute error of `spec` over five 60-day folds at the end of y,
// and the share of actuals inside the 80% intervals.
std::pair<double, double> backtest(const std::string& spec, const TimeSeries& y) {
  double sum = 0, inside = 0;
  for (int fold = 1; fold <= 5; ++fold) {
    const Eigen::Index n = y.size() - 60 * fold;
    const auto f = fitted(spec, y.head(n))->forecast(60, {80});
    const Eigen::VectorXd actual = y.values.segment(n, 60);
    sum += (actual - f.mean).cwiseAbs().sum();
    inside += static_cast<double>(
        ((actual.array() >= f.lower.col(0).array()) && (actual.array() <= f.upper.col(0).array())).count());
  }
  return {sum / 300, inside / 300};
}
}  // namespace

class CalendarRegressionDataTest : public QObject {
  Q_OBJECT
  TimeSeries sample_, real_;

 private Q_SLOTS:
  void initTestCase() {
    const auto dir = foresight::test::makeTempDir("calendar-regression-sample");
    SampleDataGenerator::write(dir, foresight::SampleDataOptions{});
    sample_ = dailyRevenue(dir);
    const auto aw = foresight::test::sharedData("adventureworks");
    if (aw.empty()) return;
    real_ = dailyRevenue(aw);
  }

  void sampleLevelShiftIsAChangepoint() {
    const auto m = fitted("calendar_regression", sample_);
    const auto cps = changepoints(*m);
    QVERIFY(!cps.empty());
    // The biggest rise of the slope sits at the documented shift.
    const auto rise = *std::max_element(cps.begin(), cps.end(), [](auto& a, auto& b) { return a.second < b.second; });
    qInfo() << "sample: largest slope rise at" << rise.first.toIso().c_str() << "shift at"
            << SampleDataGenerator::kLevelShiftDate.toIso().c_str();
    QVERIFY(std::abs(rise.first - SampleDataGenerator::kLevelShiftDate) <= 30);
  }

  void sampleWeekIsTheDesignedOne() {
    const auto m = fitted("calendar_regression", sample_);
    std::array<double, 7> design{};
    for (int k = 0; k < 7; ++k)
      design[static_cast<std::size_t>(k)] =
          static_cast<double>(foresight::SampleDemand::weekdayPermille(sample_.start.addDays((k + 1 - sample_.start.isoWeekday() + 7) % 7)));
    const auto week = weekByDay(*m, sample_);
    QVERIFY(correlation(week, design) > 0.95);
    QVERIFY(spread(week) > 0.2 * sample_.values.mean());
  }

  void adventureWorksCyclesAndShift() {
    if (real_.empty()) QFAIL("Adventure Works daily revenue missing: ../shared/data/adventureworks was not loaded");
    const auto m = fitted("calendar_regression", real_);
    const auto p = m->params();
    const double mean = real_.values.mean();
    // Weekly: the real export's day-of-week effect is weak (each weekday's
    // mean within about one standard error, ~700, of the others); the model
    // keeps about the spread the data show, and the yearly cycle is strong.
    const auto week = weekByDay(*m, real_), data = dayOfWeekMeans(real_);
    qInfo() << "Adventure Works: weekly amplitude" << spread(week) << "data's day-of-week spread" << spread(data)
            << "yearly amplitude" << p.at("seasonalities")[1].at("amplitude").get<double>() << "mean" << mean;
    QVERIFY(spread(week) > 0.02 * mean);
    QVERIFY(spread(week) > 0.5 * spread(data) && spread(week) < 2 * spread(data));
    QVERIFY(correlation(week, data) > 0.5);
    QCOMPARE(p.at("seasonalities")[1].at("name").get<std::string>(), std::string("yearly"));
    QVERIFY(p.at("seasonalities")[1].at("amplitude").get<double>() > 0.3 * mean);
    // The mid-2016 shift: a rise of the slope between May and August 2016.
    bool shift = false;
    for (const auto& [date, delta] : changepoints(*m))
      shift = shift || (date >= *Date::fromYmd(2016, 5, 1) && date <= *Date::fromYmd(2016, 8, 31) && delta > 0);
    QVERIFY2(shift, p.at("changepoints").dump().c_str());
  }

  void defaultPriorForecastsNoWorseThanProphets() {
    if (real_.empty()) QFAIL("Adventure Works daily revenue missing: ../shared/data/adventureworks was not loaded");
    // Why changepoint_prior_scale defaults to 1.0, not Prophet's 0.05: with
    // 0.05 the step of mid-2016 is spread over months or taken up by the
    // yearly season, and the forecasts are worse on both series.
    for (const auto* series : {&sample_, &real_}) {
      const auto ours = backtest("calendar_regression", *series);
      const auto prophets = backtest("calendar_regression(changepoint_prior_scale=0.05)", *series);
      qInfo() << (series == &sample_ ? "sample" : "Adventure Works") << "over 5 x 60 days: default MAE" << ours.first
              << "80% coverage" << ours.second << "| changepoint_prior_scale=0.05 MAE" << prophets.first
              << "80% coverage" << prophets.second;
      QVERIFY(ours.first <= prophets.first);
    }
  }
};

QTEST_GUILESS_MAIN(CalendarRegressionDataTest)
#include "CalendarRegressionDataTest.moc"
