#include "ui/models/ForecastChartView.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTimeZone>
#include <QValueAxis>

#include "ui/charts/ChartPalette.h"
#include <algorithm>  // std::min, std::max
#include <cmath>      // std::isfinite
#include <limits>

namespace foresight::ui {

namespace {

constexpr qreal kMsPerDay = 86400000.0;

QLineSeries* lineOf(Date start, Frequency f, const Eigen::VectorXd& v, QObject* parent) {
  auto* line = new QLineSeries(parent);
  for (Eigen::Index i = 0; i < v.size(); ++i)
    if (std::isfinite(v[i])) line->append(ForecastChartView::xOf(advancePeriod(f, start, static_cast<int>(i))), v[i]);
  return line;
}

}  // namespace

ForecastSegment ForecastSegment::fromFold(const FoldOutcome& fold, Frequency frequency, int levelIndex) {
  ForecastSegment s{fold.testStart, frequency, fold.forecast, {}, {}};
  if (levelIndex >= 0 && levelIndex < fold.lower.cols()) {
    s.lower = fold.lower.col(levelIndex);
    s.upper = fold.upper.col(levelIndex);
  }
  return s;
}

ForecastSegment ForecastSegment::fromForecast(const Forecast& f, int levelIndex) {
  ForecastSegment s{f.start, f.frequency, f.mean, {}, {}};
  if (levelIndex >= 0 && levelIndex < f.lower.cols()) {
    s.lower = f.lower.col(levelIndex);
    s.upper = f.upper.col(levelIndex);
  }
  return s;
}

QColor ForecastChartView::colorFor(int i) {
  static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                   QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                   QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};
  return palette[static_cast<std::size_t>(i) % std::size(palette)];
}

qreal ForecastChartView::xOf(Date d) { return static_cast<qreal>(d.days()) * kMsPerDay; }

ForecastChartView::ForecastChartView(QWidget* parent)
    : QChartView(new QChart, parent), xAxis_(new QDateTimeAxis), yAxis_(new QValueAxis) {
  setRenderHint(QPainter::Antialiasing);
  setRubberBand(QChartView::HorizontalRubberBand);
  xAxis_->setFormat(QStringLiteral("yyyy-MM-dd"));
  chart()->addAxis(xAxis_, Qt::AlignBottom);
  chart()->addAxis(yAxis_, Qt::AlignLeft);
  chart()->legend()->setAlignment(Qt::AlignBottom);
  setToolTip(tr("Drag to zoom into a period; double-click to see everything."));
  ChartPalette::apply(*chart(), palette());
}

void ForecastChartView::changeEvent(QEvent* event) {
  QChartView::changeEvent(event);
  if (event->type() != QEvent::PaletteChange) return;
  ChartPalette::apply(*chart(), palette());
  if (auto* line = qobject_cast<QLineSeries*>(actuals_)) line->setColor(palette().color(QPalette::WindowText));
}

void ForecastChartView::setTitle(const QString& title) { chart()->setTitle(title); }

void ForecastChartView::attach(QAbstractSeries* s) {
  chart()->addSeries(s);
  s->attachAxis(xAxis_);
  s->attachAxis(yAxis_);
}

void ForecastChartView::setActuals(const TimeSeries& series, Eigen::Index from) {
  if (actuals_) {
    chart()->removeSeries(actuals_);
    delete actuals_;
  }
  const Eigen::Index start = std::clamp<Eigen::Index>(from, 0, series.size());
  auto* line = lineOf(series.dateAt(start), series.frequency, series.values.tail(series.size() - start), chart());
  line->setName(tr("actual"));
  actuals_ = line;
  attach(line);
  line->setColor(palette().color(QPalette::WindowText));  // after attach: the theme recolours new series
  fitAxes();
}

void ForecastChartView::addModel(const QString& name, const std::vector<ForecastSegment>& segments) {
  ModelSeries m{name, {}, {}, true};
  const QColor color = colorFor(static_cast<int>(models_.size()));
  bool named = false;
  for (const ForecastSegment& seg : segments) {
    if (seg.lower.size() == seg.mean.size() && seg.mean.size() > 0) {
      auto* lower = lineOf(seg.start, seg.frequency, seg.lower, chart());
      auto* upper = lineOf(seg.start, seg.frequency, seg.upper, chart());
      auto* band = new QAreaSeries(upper, lower);
      band->setParent(chart());
      QColor fill = color;
      fill.setAlphaF(0.18f);
      attach(band);
      band->setBrush(fill);
      band->setPen(Qt::NoPen);
      m.unnamed << band;
      m.series << band;
    }
    auto* line = lineOf(seg.start, seg.frequency, seg.mean, chart());
    line->setName(name);
    attach(line);
    line->setColor(color);
    // One legend entry per model, not one per fold.
    if (named) m.unnamed << line;
    named = true;
    m.series << line;
  }
  hideLegendEntries(m);
  models_.push_back(std::move(m));
  fitAxes();
}

void ForecastChartView::hideLegendEntries(const ModelSeries& m) {
  for (QAbstractSeries* s : m.unnamed)
    for (QLegendMarker* marker : chart()->legend()->markers(s)) marker->setVisible(false);
}

void ForecastChartView::clearModels() {
  for (ModelSeries& m : models_)
    for (QAbstractSeries* s : m.series) {
      chart()->removeSeries(s);
      delete s;
    }
  models_.clear();
  fitAxes();
}

void ForecastChartView::setModelVisible(const QString& name, bool visible) {
  for (ModelSeries& m : models_) {
    if (m.name != name) continue;
    m.visible = visible;
    for (QAbstractSeries* s : m.series) s->setVisible(visible);
    hideLegendEntries(m);  // showing a series shows its legend marker again
  }
}

bool ForecastChartView::isModelVisible(const QString& name) const {
  for (const ModelSeries& m : models_)
    if (m.name == name) return m.visible;
  return false;
}

QStringList ForecastChartView::modelNames() const {
  QStringList names;
  for (const ModelSeries& m : models_) names << m.name;
  return names;
}

QList<QAbstractSeries*> ForecastChartView::seriesOf(const QString& name) const {
  for (const ModelSeries& m : models_)
    if (m.name == name) return m.series;
  return {};
}

void ForecastChartView::fitAxes() {
  // Bounds over every point shown, so bands are never cut off.
  qreal x0 = std::numeric_limits<qreal>::max(), x1 = std::numeric_limits<qreal>::lowest();
  qreal y0 = x0, y1 = x1;
  const auto extend = [&](const QXYSeries* s) {
    for (const QPointF& p : s->points()) {
      x0 = std::min(x0, p.x());
      x1 = std::max(x1, p.x());
      y0 = std::min(y0, p.y());
      y1 = std::max(y1, p.y());
    }
  };
  for (QAbstractSeries* s : chart()->series()) {
    if (auto* xy = qobject_cast<QXYSeries*>(s)) extend(xy);
    if (auto* area = qobject_cast<QAreaSeries*>(s)) {
      extend(area->upperSeries());
      if (area->lowerSeries()) extend(area->lowerSeries());
    }
  }
  if (x0 > x1) return;
  const qreal pad = y1 > y0 ? 0.05 * (y1 - y0) : 1.0;
  xAxis_->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(x0), QTimeZone::utc()),
                   QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::max(x1, x0 + kMsPerDay)), QTimeZone::utc()));
  yAxis_->setRange(y0 - pad, y1 + pad);
  yAxis_->applyNiceNumbers();
  yAxis_->setLabelFormat(y1 - y0 >= 100 ? QStringLiteral("%.0f") : QStringLiteral("%.2f"));
}

void ForecastChartView::mouseDoubleClickEvent(QMouseEvent* event) {
  chart()->zoomReset();
  fitAxes();
  QChartView::mouseDoubleClickEvent(event);
}

}  // namespace foresight::ui
