// The workbench's time chart and the forecast panel built on it: calendar
// ticks for spans of weeks, months and years; a value axis that fits the
// visible series and stays at or above zero for non-negative data; legend
// clicks that hide a series and re-fit; forecast views with one band per
// level and a marked origin; a fold selector that shows one fold.
#include <QAreaSeries>
#include <QComboBox>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QtTest/QtTest>
#include <cmath>

#include "ui/charts/CalendarTicks.h"
#include "ui/charts/Correlogram.h"
#include "ui/charts/ForecastChartPanel.h"
#include "ui/charts/TimeSeriesChartView.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

Date ymd(int y, int m, int d) { return *Date::fromYmd(y, m, d); }

// Seven pixels a character: a stand-in for a font.
double sevenPerChar(const QString& s) { return 7.0 * static_cast<double>(s.size()); }

bool onBoundary(Date d, CalendarTicks::Unit unit) {
  switch (unit) {
    case CalendarTicks::Unit::Day: return true;
    case CalendarTicks::Unit::Week: return d.isoWeekday() == 1;
    case CalendarTicks::Unit::Month: return d.day() == 1;
    case CalendarTicks::Unit::Year: return d.day() == 1 && d.month() == 1;
  }
  return false;
}

TimeSeries daily(Date start, int n, double level, double amplitude, const char* name = "sales") {
  TimeSeries s;
  s.name = name;
  s.start = start;
  s.frequency = Frequency::Daily;
  s.values.resize(n);
  for (int i = 0; i < n; ++i) s.values[i] = level + amplitude * std::sin(2.0 * M_PI * i / 7.0);
  return s;
}

QLegendMarker* markerOf(TimeSeriesChartView& view, const QString& label) {
  QLegendMarker* m = view.legendMarker(label);
  if (m && m->label() != label) return nullptr;
  return m;
}

int countOf(const QList<QAbstractSeries*>& series, QAbstractSeries::SeriesType type) {
  int n = 0;
  for (QAbstractSeries* s : series) n += s->type() == type ? 1 : 0;
  return n;
}

// A forecast of `h` days from `start` around `level`, with 80 and 95 bands.
ForecastPiece piece(Date start, int h, double level) {
  ForecastPiece p;
  p.start = start;
  p.frequency = Frequency::Daily;
  p.origin = start.addDays(-1);
  p.mean = Eigen::VectorXd::Constant(h, level);
  p.lower.resize(h, 2);
  p.upper.resize(h, 2);
  for (int i = 0; i < h; ++i) {
    p.lower(i, 0) = level - 30.0 - i;  // 80%
    p.upper(i, 0) = level + 30.0 + i;
    p.lower(i, 1) = level - 60.0 - 2 * i;  // 95%: below zero for a level of 50
    p.upper(i, 1) = level + 60.0 + 2 * i;
  }
  return p;
}

std::vector<ModelForecasts> twoModels(Date historyEnd) {
  std::vector<ModelForecasts> models;
  for (const auto& [name, level] : {std::pair{QStringLiteral("ets"), 50.0}, std::pair{QStringLiteral("theta"), 80.0}}) {
    ModelForecasts m{name, {}, std::nullopt};
    for (int k = 0; k < 3; ++k) m.folds.push_back(piece(historyEnd.addDays(-14 * (3 - k) + 1), 14, level));
    m.ahead = piece(historyEnd.addDays(1), 14, level);
    models.push_back(std::move(m));
  }
  return models;
}

}  // namespace

class ChartsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void ticksForAFewWeeksFallOnMondays() {
    const auto plan = CalendarTicks::choose(ymd(2015, 6, 2), ymd(2015, 6, 22), 800, sevenPerChar);
    QCOMPARE(plan.spacing.unit, CalendarTicks::Unit::Week);
    QCOMPARE(plan.ticks.size(), std::size_t(3));
    for (const CalendarTick& t : plan.ticks) QVERIFY2(onBoundary(t.date, plan.spacing.unit), t.date.toIso().c_str());
    QCOMPARE(plan.ticks.front().date, ymd(2015, 6, 8));
  }

  void ticksForMonthsFallOnMonthStarts() {
    const auto plan = CalendarTicks::choose(ymd(2015, 1, 10), ymd(2015, 7, 20), 800, sevenPerChar);
    QCOMPARE(plan.spacing.unit, CalendarTicks::Unit::Month);
    QCOMPARE(plan.spacing.step, 1);
    QCOMPARE(plan.ticks.size(), std::size_t(6));  // Feb..Jul
    for (const CalendarTick& t : plan.ticks) QVERIFY2(t.date.day() == 1, t.date.toIso().c_str());
    // The year on the first tick and on January only.
    QVERIFY(plan.ticks.front().label.endsWith(QStringLiteral("2015")));
    QVERIFY(!plan.ticks[1].label.contains(QStringLiteral("2015")));
  }

  void ticksForYearsFallOnJanuaryFirst() {
    const auto plan = CalendarTicks::choose(ymd(2013, 3, 1), ymd(2018, 2, 1), 400, sevenPerChar);
    QCOMPARE(plan.spacing.unit, CalendarTicks::Unit::Year);
    QCOMPARE(plan.ticks.size(), std::size_t(5));
    for (const CalendarTick& t : plan.ticks) QVERIFY(onBoundary(t.date, CalendarTicks::Unit::Year));
    QCOMPARE(plan.ticks.front().label, QStringLiteral("2014"));
    // Wider, the same span gets quarters or half years: still month starts.
    const auto wide = CalendarTicks::choose(ymd(2013, 3, 1), ymd(2018, 2, 1), 1600, sevenPerChar);
    QCOMPARE(wide.spacing.unit, CalendarTicks::Unit::Month);
    QVERIFY(wide.spacing.step == 3 || wide.spacing.step == 6);
    for (const CalendarTick& t : wide.ticks) QVERIFY(t.date.day() == 1 && (t.date.month() - 1) % wide.spacing.step == 0);
  }

  void labelsNeverCrowd() {
    // Whatever the width, the chosen labels fit their share of it, or the
    // coarsest spacing was taken.
    for (double width : {200.0, 500.0, 1000.0, 1900.0}) {
      const auto plan = CalendarTicks::choose(ymd(2014, 12, 28), ymd(2017, 6, 30), width, sevenPerChar);
      QVERIFY(!plan.ticks.empty());
      double widest = 0;
      for (const CalendarTick& t : plan.ticks) widest = std::max(widest, sevenPerChar(t.label));
      QVERIFY2(widest <= width / static_cast<double>(plan.ticks.size() + 1) - 12.0, qPrintable(QString::number(width)));
    }
  }

  void theChartsDateAxisUsesCalendarTicks() {
    TimeSeriesChartView view;
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.addLine(QStringLiteral("sales"), daily(ymd(2015, 6, 2), 180, 100.0, 20.0));
    const QList<Date> ticks = view.tickDates();
    QVERIFY(ticks.size() >= 3);
    for (Date d : ticks) QVERIFY2(d.day() == 1 || d.isoWeekday() == 1, d.toIso().c_str());
    QVERIFY(!ticks.contains(ymd(2015, 6, 2)));
    // Zooming into three weeks re-ticks on Mondays or days.
    view.setDateRange(TimeSeriesChartView::xOf(ymd(2015, 7, 1)), TimeSeriesChartView::xOf(ymd(2015, 7, 21)));
    for (Date d : view.tickDates()) QVERIFY(d >= ymd(2015, 7, 1) && d <= ymd(2015, 7, 21));
    QVERIFY(view.tickDates().size() >= 2);
  }

  void valueAxisFitsTheVisibleSeriesAndLegendClicksRefit() {
    TimeSeriesChartView view;
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.addLine(QStringLiteral("small"), daily(ymd(2016, 1, 1), 60, 10.0, 5.0, "small"));
    view.addLine(QStringLiteral("big"), daily(ymd(2016, 1, 1), 60, 1000.0, 200.0, "big"));
    QVERIFY(view.valueAxis()->max() >= 1200.0);
    QCOMPARE(view.valueAxis()->min(), 0.0);
    QCOMPARE(view.legendLabels(), (QStringList{QStringLiteral("small"), QStringLiteral("big")}));
    // A click on "big" in the legend hides it; the axis fits "small" alone.
    QLegendMarker* big = markerOf(view, QStringLiteral("big"));
    QVERIFY(big);
    Q_EMIT big->clicked();
    QVERIFY(!view.isGroupVisible(QStringLiteral("big")));
    QVERIFY(view.valueAxis()->max() >= 15.0 && view.valueAxis()->max() <= 20.0);
    QVERIFY(view.valueAxis()->min() >= 0.0);
    // Its legend entry stays (dimmed), so a second click brings it back.
    QVERIFY(view.legendLabels().contains(QStringLiteral("big")));
    Q_EMIT markerOf(view, QStringLiteral("big"))->clicked();
    QVERIFY(view.isGroupVisible(QStringLiteral("big")));
    QVERIFY(view.valueAxis()->max() >= 1200.0);
  }

  // Short stacked charts (the STL panels) ask for fewer value intervals so
  // their labels do not collide into "...": the fitted axis honours it, and
  // the default stays at most four.
  void valueIntervalsStayWithinTheChartsLimit() {
    const auto intervalsOf = [](const QValueAxis& a) { return (a.max() - a.min()) / a.tickInterval(); };
    TimeSeriesChartView standard;
    standard.addLine(QStringLiteral("trend"), daily(ymd(2016, 1, 1), 90, 15000.0, 50000.0, "trend"));
    QVERIFY2(intervalsOf(*standard.valueAxis()) <= 4.0 + 1e-9, qPrintable(QString::number(intervalsOf(*standard.valueAxis()))));
    QVERIFY(intervalsOf(*standard.valueAxis()) > 3.0 - 1e-9);  // this range takes four at the default
    TimeSeriesChartView shortChart;
    shortChart.setMaxValueIntervals(3);
    shortChart.addLine(QStringLiteral("trend"), daily(ymd(2016, 1, 1), 90, 15000.0, 50000.0, "trend"));
    QVERIFY2(intervalsOf(*shortChart.valueAxis()) <= 3.0 + 1e-9, qPrintable(QString::number(intervalsOf(*shortChart.valueAxis()))));
    QVERIFY(shortChart.valueAxis()->max() >= 65000.0 && shortChart.valueAxis()->min() <= 15000.0);
  }

  void nonNegativeDataKeepTheAxisAndBandsAtZeroOrAbove() {
    TimeSeriesChartView view;
    view.resize(800, 400);
    view.setClipAtZero(true);
    const ForecastPiece p = piece(ymd(2016, 3, 1), 14, 50.0);
    view.addPoints(QStringLiteral("ets"), TimeSeriesChartView::pointsOf(p.start, p.frequency, p.mean), Qt::blue);
    QAreaSeries* band = view.addBand(QStringLiteral("ets"), QStringLiteral("95%"),
                                     TimeSeriesChartView::pointsOf(p.start, p.frequency, p.lower.col(1)),
                                     TimeSeriesChartView::pointsOf(p.start, p.frequency, p.upper.col(1)), Qt::blue);
    view.resetZoom();
    QCOMPARE(view.valueAxis()->min(), 0.0);
    for (const QPointF& pt : band->lowerSeries()->points()) QVERIFY(pt.y() >= 0.0);
    // Without clipping (data that can be negative) the band goes below zero.
    TimeSeriesChartView signedView;
    signedView.addBand(QStringLiteral("ets"), QStringLiteral("95%"),
                       TimeSeriesChartView::pointsOf(p.start, p.frequency, p.lower.col(1)),
                       TimeSeriesChartView::pointsOf(p.start, p.frequency, p.upper.col(1)), Qt::blue);
    signedView.resetZoom();
    QVERIFY(signedView.valueAxis()->min() < 0.0);
  }

  void hoverShowsTheDateAndTheVisibleValues() {
    TimeSeriesChartView view;
    view.addLine(QStringLiteral("sales"), daily(ymd(2016, 1, 1), 30, 1000.0, 0.0));
    const QString text = view.hoverText(TimeSeriesChartView::xOf(ymd(2016, 1, 10)) + 0.3);
    QVERIFY2(text.startsWith(QStringLiteral("2016-01-10")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("sales: 1,000")) || text.contains(QStringLiteral("sales: 1")), qPrintable(text));
    QVERIFY(view.hoverText(TimeSeriesChartView::xOf(ymd(2017, 1, 1))).isEmpty());
    view.setGroupVisible(QStringLiteral("sales"), false);
    QVERIFY(view.hoverText(TimeSeriesChartView::xOf(ymd(2016, 1, 10))).isEmpty());
  }

  void movingThePointerOverTheDataShowsTheHoverText() {
    TimeSeriesChartView view;
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.addLine(QStringLiteral("sales"), daily(ymd(2016, 1, 1), 30, 1000.0, 0.0));
    QTRY_VERIFY(view.chart()->plotArea().width() > 100);
    const QPointF inChart = view.chart()->mapToPosition(QPointF(TimeSeriesChartView::xOf(ymd(2016, 1, 15)), 1000.0),
                                                        view.chart()->series().front());
    const QPoint at = view.mapFromScene(view.chart()->mapToScene(inChart));
    QTest::mouseMove(view.viewport(), at);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().startsWith(QStringLiteral("2016-01-15")), qPrintable(QToolTip::text()));
  }

  void forecastAheadHasABandPerLevelAndAMarkedOrigin() {
    ForecastChartPanel panel;
    panel.resize(900, 500);
    const TimeSeries history = daily(ymd(2016, 1, 1), 120, 100.0, 30.0);
    panel.setData(history, twoModels(history.end()), {80.0, 95.0}, QStringLiteral("sales"));
    QCOMPARE(panel.view(), ForecastChartPanel::View::Ahead);
    QCOMPARE(panel.chart()->origin(), std::optional<Date>(history.end()));
    QVERIFY(panel.chart()->originLabel().contains(QString::fromStdString(history.end().toIso())));
    for (const QString& model : {QStringLiteral("ets"), QStringLiteral("theta")}) {
      const auto series = panel.chart()->seriesOf(model);
      QCOMPARE(countOf(series, QAbstractSeries::SeriesTypeArea), 2);  // 80 and 95
      QCOMPARE(countOf(series, QAbstractSeries::SeriesTypeLine), 1);
    }
    // History is non-negative: the 95% band of "ets" (reaching -10) is clipped.
    for (QAbstractSeries* s : panel.chart()->seriesOf(QStringLiteral("ets")))
      if (auto* band = qobject_cast<QAreaSeries*>(s))
        for (const QPointF& p : band->lowerSeries()->points()) QVERIFY(p.y() >= 0.0);
    QVERIFY(panel.chart()->valueAxis()->min() >= 0.0);
    // Three levels: three bands.
    std::vector<ModelForecasts> three = twoModels(history.end());
    for (ModelForecasts& m : three) {
      ForecastPiece& a = *m.ahead;
      a.lower.conservativeResize(Eigen::NoChange, 3);
      a.upper.conservativeResize(Eigen::NoChange, 3);
      a.lower.col(2) = a.lower.col(1).array() - 10.0;
      a.upper.col(2) = a.upper.col(1).array() + 10.0;
    }
    panel.setData(history, three, {50.0, 80.0, 95.0}, QStringLiteral("sales"));
    QCOMPARE(countOf(panel.chart()->seriesOf(QStringLiteral("ets")), QAbstractSeries::SeriesTypeArea), 3);
  }

  void theFoldSelectorShowsOneFold() {
    ForecastChartPanel panel;
    const TimeSeries history = daily(ymd(2016, 1, 1), 120, 100.0, 30.0);
    const auto models = twoModels(history.end());
    panel.setData(history, models, {80.0, 95.0}, QStringLiteral("sales"));
    QCOMPARE(panel.foldCount(), 3);
    QVERIFY(panel.viewNames().contains(QStringLiteral("Forecast ahead")));
    // Choosing "Fold 2" in the selector draws that fold alone, with its bands.
    QComboBox* selector = panel.viewSelector();
    const int index = selector->findData(1);
    QVERIFY(index >= 0);
    QVERIFY(selector->itemText(index).startsWith(QStringLiteral("Fold 2")));
    selector->setCurrentIndex(index);
    QCOMPARE(panel.view(), ForecastChartPanel::View::Fold);
    QCOMPARE(panel.fold(), 1);
    const ForecastPiece& fold2 = models[0].folds[1];
    QCOMPARE(panel.chart()->origin(), std::optional<Date>(fold2.origin));
    const auto series = panel.chart()->seriesOf(QStringLiteral("ets"));
    QCOMPARE(countOf(series, QAbstractSeries::SeriesTypeLine), 1);
    QCOMPARE(countOf(series, QAbstractSeries::SeriesTypeArea), 2);
    for (QAbstractSeries* s : series)
      if (auto* line = qobject_cast<QLineSeries*>(s)) {
        QCOMPARE(line->count(), 14);
        QCOMPARE(line->at(0).x(), TimeSeriesChartView::xOf(fold2.start));
      }
    // All folds: thin lines, no bands, no origin.
    panel.showAllFolds();
    const auto all = panel.chart()->seriesOf(QStringLiteral("ets"));
    QCOMPARE(countOf(all, QAbstractSeries::SeriesTypeLine), 3);
    QCOMPARE(countOf(all, QAbstractSeries::SeriesTypeArea), 0);
    QVERIFY(!panel.chart()->origin());
  }

  void oneModelOrAChosenFewStayChosenAcrossViews() {
    ForecastChartPanel panel;
    const TimeSeries history = daily(ymd(2016, 1, 1), 120, 100.0, 30.0);
    panel.setData(history, twoModels(history.end()), {80.0, 95.0}, QStringLiteral("sales"));
    panel.setShownModels({QStringLiteral("theta")});
    QVERIFY(!panel.chart()->isGroupVisible(QStringLiteral("ets")));
    QVERIFY(panel.chart()->isGroupVisible(QStringLiteral("theta")));
    // The legend still names both; clicking "ets" adds it to the overlay.
    QVERIFY(markerOf(*panel.chart(), QStringLiteral("ets")));
    Q_EMIT markerOf(*panel.chart(), QStringLiteral("ets"))->clicked();
    QCOMPARE(panel.shownModels(), (QStringList{QStringLiteral("ets"), QStringLiteral("theta")}));
    Q_EMIT markerOf(*panel.chart(), QStringLiteral("theta"))->clicked();
    panel.showFold(2);
    QCOMPARE(panel.shownModels(), QStringList{QStringLiteral("ets")});
    QVERIFY(!panel.chart()->isGroupVisible(QStringLiteral("theta")));
  }

  void correlogramLagTicksAreRound() {
    QCOMPARE(Correlogram::tickStep(28, 7), 7);
    QCOMPARE(Correlogram::tickStep(40, 0), 5);
    QCOMPARE(Correlogram::tickStep(10, 0), 1);
    QCOMPARE(Correlogram::tickStep(150, 7), 20);  // 21 multiples of 7 would crowd
  }
};

QTEST_MAIN(ChartsTest)
#include "ChartsTest.moc"
