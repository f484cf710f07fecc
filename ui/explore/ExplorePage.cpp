#include "ui/explore/ExplorePage.h"

#include <QGridLayout>
#include <QTimer>
#include <algorithm>  // std::max
#include <array>
#include <cmath>  // std::lround
#include <QVBoxLayout>

#include "ui/charts/ChartPalette.h"
#include "ui/charts/Correlogram.h"
#include "ui/explore/ExploreCharts.h"
#include "ui/jobs/JobRunner.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

ExplorePage::ExplorePage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent)
    : QWidget(parent),
      session_(session),
      jobs_(jobs),
      tabs_(new QTabWidget(this)),
      observed_(new TimeSeriesChartView(this)),
      trend_(new TimeSeriesChartView(this)),
      seasonal_(new TimeSeriesChartView(this)),
      remainder_(new TimeSeriesChartView(this)),
      stlNote_(new QLabel(this)),
      acf_(makeChartView()),
      pacf_(makeChartView()),
      weekdays_(makeChartView()),
      months_(makeChartView()),
      verdict_(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  auto* decomposition = new QWidget(this);
  auto* d = new QVBoxLayout(decomposition);
  d->setContentsMargins(0, 0, 0, 0);
  d->addWidget(stlNote_);
  for (TimeSeriesChartView* v : {observed_, trend_, seasonal_, remainder_}) {
    v->chart()->legend()->setVisible(false);
    // Four panels share the page's height: at most four value labels each
    // fit a 700-pixel screen.
    v->setMaxValueIntervals(3);
    d->addWidget(v, 1);
  }
  tabs_->addTab(decomposition, tr("&Decomposition (STL)"));
  auto* correlation = new QWidget(this);
  auto* c = new QVBoxLayout(correlation);
  c->setContentsMargins(0, 0, 0, 0);
  acf_->setToolTip(tr("Autocorrelation: how much the series resembles itself k periods earlier. "
                      "Bars outside the dashed band differ from white noise at 5%."));
  pacf_->setToolTip(tr("Partial autocorrelation: the correlation at lag k once the shorter lags are accounted "
                       "for; a cut-off after lag p suggests an AR(p) term."));
  c->addWidget(acf_, 1);
  c->addWidget(pacf_, 1);
  tabs_->addTab(correlation, tr("&Autocorrelation"));
  auto* seasonalPlots = new QWidget(this);
  auto* s = new QVBoxLayout(seasonalPlots);
  s->setContentsMargins(0, 0, 0, 0);
  s->addWidget(weekdays_, 1);
  s->addWidget(months_, 1);
  tabs_->addTab(seasonalPlots, tr("&Seasonal plots"));
  layout->addWidget(tabs_, 1);
  verdict_->setWordWrap(true);
  verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  verdict_->setToolTip(tr("ADF: H0 = unit root (small p: stationary). KPSS: H0 = level stationary (small p: not "
                          "stationary). Reading both guards against either test's blind spots."));
  verdict_->setFrameShape(QFrame::StyledPanel);
  verdict_->setMargin(6);
  layout->addWidget(verdict_);
  for (TimeSeriesChartView* v : {observed_, trend_, remainder_})
    connect(v, &TimeSeriesChartView::dateRangeChanged, this,
            [this, v](qreal from, qreal to) { followDateRange(v, from, to); });
  for (TimeSeriesChartView* v : {observed_, trend_, seasonal_, remainder_})
    // After the layout pass, not inside it: margins changed mid-layout confuse QChart.
    connect(v->chart(), &QChart::plotAreaChanged, this, [this] {
      QTimer::singleShot(0, this, &ExplorePage::alignPlotAreas);
    });
  connect(tabs_, &QTabWidget::currentChanged, this, [this] {
    for (QChartView* v : {acf_, pacf_, weekdays_, months_}) TimeSeriesChartView::relayoutAxes(*v->chart());
  });
  connect(&session_, &WorkbenchSession::seriesChanged, this, [this] {
    dirty_ = true;
    if (isVisible()) analyse();
  });
}

void ExplorePage::followDateRange(TimeSeriesChartView* source, qreal from, qreal to) {
  if (syncing_) return;
  syncing_ = true;
  for (TimeSeriesChartView* v : {observed_, trend_, remainder_})
    if (v != source) v->setDateRange(from, to);
  const qreal window = kSeasonalCycles * cycleDays_;
  if (cycleDays_ > 0) seasonal_->setDateRange(to - from > 2.0 * window ? to - window : from, to);
  syncing_ = false;
}

void ExplorePage::alignPlotAreas() {
  // Each chart's natural left edge is its plot area less the extra margin
  // given here; every chart gets the extra that brings it to the widest.
  constexpr int kBase = 4;
  const std::array<TimeSeriesChartView*, 4> views{observed_, trend_, seasonal_, remainder_};
  qreal widest = 0;
  for (TimeSeriesChartView* v : views)
    if (v->isVisible() && v->chart()->plotArea().width() < 10) return;  // not laid out yet
  for (TimeSeriesChartView* v : views)
    if (v->isVisible()) widest = std::max(widest, v->chart()->plotArea().left() - v->chart()->margins().left() + kBase);
  for (TimeSeriesChartView* v : views) {
    const qreal natural = v->chart()->plotArea().left() - v->chart()->margins().left() + kBase;
    QMargins m = v->chart()->margins();
    // Value labels differ by a few digits at most; a larger gap is a chart
    // caught mid-layout, and a margin that large would widen the page.
    const int left = kBase + static_cast<int>(std::lround(std::clamp<qreal>(widest - natural, 0.0, 80.0)));
    if (m.left() != left && v->isVisible()) {
      m.setLeft(left);
      v->chart()->setMargins(m);
    }
  }
}

QChartView* ExplorePage::makeChartView() {
  auto* view = new QChartView(new QChart, this);
  ChartPalette::useNumberFormat(*view->chart());
  view->setRenderHint(QPainter::Antialiasing);
  return view;
}

void ExplorePage::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange)
    for (QChartView* v : {acf_, pacf_, weekdays_, months_}) ChartPalette::apply(*v->chart(), palette());
}

void ExplorePage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (dirty_) analyse();
  for (QChartView* v : {acf_, pacf_, weekdays_, months_}) TimeSeriesChartView::relayoutAxes(*v->chart());
}

void ExplorePage::analyse() {
  dirty_ = false;
  if (!session_.hasSeries()) {
    verdict_->setText(tr("Load data on the Data page to explore a series."));
    return;
  }
  const TimeSeries series = session_.currentSeries();
  auto result = std::make_shared<ExploreAnalysis>();
  verdict_->setText(tr("Analysing %1...").arg(QString::fromStdString(series.name)));
  jobs_.run(
      tr("Exploring %1").arg(QString::fromStdString(series.name)),
      [series, result](const ProgressSink& progress, const CancellationToken& cancel) {
        cancel.throwIfCancelled();
        *result = ExploreAnalysis::of(series);
        if (progress) progress(1.0, "done");
      },
      [this, result, name = series.name](const JobOutcome& outcome) {
        // A newer selection may have arrived meanwhile; show only the current one.
        if (name != session_.currentSeries().name) return;
        if (!outcome.succeeded()) {
          verdict_->setText(outcome.cancelled() ? tr("Analysis cancelled.") : outcome.message);
          Q_EMIT analysed(false);
          return;
        }
        analysis_ = result;
        show(*result);
        Q_EMIT analysed(true);
      },
      this);
}

void ExplorePage::show(const ExploreAnalysis& a) {
  const QString name = QString::fromStdString(a.series.name);
  const QColor accent = palette().color(QPalette::Highlight);
  observed_->clearLines();
  observed_->setTitle(tr("%1 (observed)").arg(name));
  observed_->addLine(name, a.series, accent);
  stlNote_->setText(a.stlNote.isEmpty() ? tr("STL with period %1, robust, periodic season.").arg(a.period) : a.stlNote);
  const std::pair<TimeSeriesChartView*, const TimeSeries*> parts[] = {
      {trend_, &a.trend}, {seasonal_, &a.seasonal}, {remainder_, &a.remainder}};
  const QString titles[] = {tr("Trend"), tr("Seasonal"), tr("Remainder")};
  for (int i = 0; i < 3; ++i) {
    auto [view, series] = parts[i];
    view->clearLines();
    view->setTitle(titles[i]);
    view->setVisible(!series->empty());
    if (!series->empty()) view->addLine(titles[i], *series, accent);
  }
  // One seasonal cycle in days: the period in observations times their spacing.
  const Date start = a.series.start;
  cycleDays_ = a.seasonal.empty() || a.period < 2
                   ? 0.0
                   : static_cast<qreal>(advancePeriod(a.series.frequency, start, a.period) - start);
  if (cycleDays_ > 0)
    seasonal_->setTitle(tr("Seasonal (period %1; the last %2 cycles of the range above)").arg(a.period).arg(kSeasonalCycles));
  followDateRange(observed_, observed_->dateAxis()->min(), observed_->dateAxis()->max());
  Correlogram::fill(*acf_->chart(), tr("ACF"), a.acf, a.band, a.period);
  Correlogram::fill(*pacf_->chart(), tr("PACF"), a.pacf, a.band, a.period);
  weekdays_->setVisible(!a.weekdayMean.isEmpty());
  if (!a.weekdayMean.isEmpty()) ExploreCharts::fillWeekdays(*weekdays_->chart(), a.weekdayMean);
  months_->setVisible(!a.years.isEmpty());
  if (!a.years.isEmpty()) ExploreCharts::fillMonths(*months_->chart(), a.years, a.monthByYear);
  for (QChartView* v : {acf_, pacf_, weekdays_, months_}) {
    ChartPalette::apply(*v->chart(), palette());
    TimeSeriesChartView::relayoutAxes(*v->chart());
  }
  verdict_->setText(a.verdict());
}

}  // namespace foresight::ui
