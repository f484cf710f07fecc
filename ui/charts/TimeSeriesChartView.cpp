#include "ui/charts/TimeSeriesChartView.h"

#include <QAreaSeries>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QLegendMarker>
#include <QMouseEvent>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>  // std::lower_bound, std::min, std::max, std::clamp
#include <cmath>      // std::isfinite, std::lround, std::pow, std::floor, std::ceil, std::log10
#include <limits>

#include "ui/charts/CalendarTicks.h"
#include "ui/charts/ChartPalette.h"
#include "ui/format/NumberFormat.h"

namespace foresight::ui {

namespace {

constexpr qreal kInf = std::numeric_limits<qreal>::infinity();

// The series that stands for its group in the legend: its first line.
QAbstractSeries* headOf(const QList<QAbstractSeries*>& series) {
  for (QAbstractSeries* s : series)
    if (qobject_cast<QLineSeries*>(s)) return s;
  return series.isEmpty() ? nullptr : series.front();
}

// The point of `points` (sorted by x) nearest to x, when it is within half
// the line's mean spacing of x.
std::optional<QPointF> pointNear(const QList<QPointF>& points, qreal x) {
  if (points.isEmpty()) return std::nullopt;
  const auto it = std::lower_bound(points.begin(), points.end(), x,
                                   [](const QPointF& p, qreal v) { return p.x() < v; });
  std::optional<QPointF> best;
  if (it != points.end()) best = *it;
  if (it != points.begin() && (!best || x - std::prev(it)->x() < best->x() - x)) best = *std::prev(it);
  const qreal spacing =
      points.size() > 1 ? (points.back().x() - points.front().x()) / static_cast<qreal>(points.size() - 1) : 1.0;
  if (std::abs(best->x() - x) > std::max<qreal>(0.5, spacing / 2.0)) return std::nullopt;
  return best;
}

std::optional<qreal> valueAt(const QList<QPointF>& points, qreal x) {
  for (const QPointF& p : points)
    if (p.x() == x) return p.y();
  return std::nullopt;
}

}  // namespace

TimeSeriesChartView::TimeSeriesChartView(QWidget* parent)
    : QChartView(new QChart, parent), dateAxis_(new QCategoryAxis), valueAxis_(new QValueAxis) {
  chart()->addAxis(dateAxis_, Qt::AlignBottom);
  chart()->addAxis(valueAxis_, Qt::AlignLeft);
  dateAxis_->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  dateAxis_->setRange(0.0, 1.0);
  // Localised numbers with group separators on the value axis ("150,000").
  ChartPalette::useNumberFormat(*chart());
  chart()->legend()->setAlignment(Qt::AlignBottom);
  chart()->setMargins(QMargins(4, 4, 4, 4));
  // Follow the application palette (light or dark) instead of a fixed theme.
  ChartPalette::apply(*chart(), palette());
  setRenderHint(QPainter::Antialiasing);
  setRubberBand(QChartView::HorizontalRubberBand);
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  viewport()->setMouseTracking(true);  // hover values without a pressed button
  setWhatsThis(tr("Hover for dates and values; click a legend entry to show or hide it. Drag to zoom into a date "
                  "range, wheel to zoom, right-drag or arrow keys to pan, double-click or Home to reset."));
  connect(dateAxis_, &QValueAxis::rangeChanged, this, &TimeSeriesChartView::onDateRangeChanged);
  connect(chart(), &QChart::plotAreaChanged, this, [this] {
    updateTicks();
    placeVerticals();
  });
}

Date TimeSeriesChartView::dateOf(qreal x) { return Date::fromDays(static_cast<std::int32_t>(std::lround(x))); }

QList<QPointF> TimeSeriesChartView::pointsOf(Date start, Frequency frequency, const Eigen::VectorXd& values) {
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(values.size()));
  for (Eigen::Index i = 0; i < values.size(); ++i)
    if (std::isfinite(values[i]))
      points.append(QPointF(xOf(advancePeriod(frequency, start, static_cast<int>(i))), values[i]));
  return points;
}

void TimeSeriesChartView::relayoutAxes(QChart& chart) {
  for (QAbstractAxis* axis : chart.axes()) {
    axis->setLabelsVisible(false);
    axis->setLabelsVisible(true);
  }
}

void TimeSeriesChartView::niceValueAxis(QValueAxis& axis, double lo, double hi, int maxIntervals) {
  if (!(hi > lo)) hi = lo + 1.0;
  const double intervals = std::clamp(maxIntervals, 2, 4);
  // The smallest 1-2-5 step that spans the data in at most `intervals`
  // intervals (Qt elides labels that collide).
  double step = std::pow(10.0, std::floor(std::log10((hi - lo) / intervals)));
  for (int i = 0; i < 12; ++i) {
    if (std::ceil(hi / step) - std::floor(lo / step) <= intervals) break;
    const double digit = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    step *= digit < 1.5 ? 2.0 : digit < 3.5 ? 2.5 : 2.0;  // 1 -> 2 -> 5 -> 10
  }
  axis.setTickType(QValueAxis::TicksDynamic);
  axis.setTickAnchor(0.0);
  axis.setTickInterval(step);
  axis.setRange(std::floor(lo / step) * step, std::ceil(hi / step) * step);
  // The decimals the step needs (0.25 -> 2), so labels never repeat.
  const int decimals = step >= 1.0 ? 0 : std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)) + 1, 1, 9);
  axis.setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + QLatin1Char('f'));
}

void TimeSeriesChartView::changeEvent(QEvent* event) {
  QChartView::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) {
    ChartPalette::apply(*chart(), palette());
    syncLegend();
  }
}

void TimeSeriesChartView::showEvent(QShowEvent* event) {
  QChartView::showEvent(event);
  relayoutAxes(*chart());
}

void TimeSeriesChartView::setTitle(const QString& title) { chart()->setTitle(title); }

void TimeSeriesChartView::clearLines() {
  chart()->removeAllSeries();
  groups_.clear();
  marker_ = nullptr;
  markedDate_.reset();
  originLine_ = nullptr;
  origin_.reset();
  delete originText_;
  originText_ = nullptr;
}

TimeSeriesChartView::Group* TimeSeriesChartView::group(const QString& name) {
  for (Group& g : groups_)
    if (g.name == name) return &g;
  return nullptr;
}

const TimeSeriesChartView::Group* TimeSeriesChartView::group(const QString& name) const {
  for (const Group& g : groups_)
    if (g.name == name) return &g;
  return nullptr;
}

TimeSeriesChartView::Group& TimeSeriesChartView::groupFor(const QString& name, const QColor& color) {
  if (Group* g = group(name)) return *g;
  groups_.push_back(Group{name, color, {}, true});
  return groups_.back();
}

void TimeSeriesChartView::attach(QAbstractSeries* s) {
  chart()->addSeries(s);
  s->attachAxis(dateAxis_);
  s->attachAxis(valueAxis_);
}

QLineSeries* TimeSeriesChartView::addLine(const QString& name, const TimeSeries& series, std::optional<QColor> color) {
  const QColor c = color.value_or(palette().color(QPalette::Highlight));
  QLineSeries* line = addPoints(name, pointsOf(series.start, series.frequency, series.values), c);
  resetZoom();
  return line;
}

QLineSeries* TimeSeriesChartView::addPoints(const QString& groupName, const QList<QPointF>& points, const QColor& color,
                                            qreal width) {
  Group& g = groupFor(groupName, color);
  auto* line = new QLineSeries;
  line->setName(groupName);
  line->replace(points);
  attach(line);
  // After attaching: the chart's theme recolours series it adopts.
  QPen pen(g.color);
  pen.setWidthF(width);
  line->setPen(pen);
  line->setVisible(g.visible);
  g.series << line;
  syncLegend();
  return line;
}

QAreaSeries* TimeSeriesChartView::addBand(const QString& groupName, const QString& name, QList<QPointF> lower,
                                          const QList<QPointF>& upper, const QColor& fill) {
  QColor opaque = fill;
  opaque.setAlpha(255);  // the group's line and legend swatch; the band keeps `fill`
  Group& g = groupFor(groupName, opaque);
  if (clipAtZero_)
    for (QPointF& p : lower) p.setY(std::max<qreal>(0.0, p.y()));
  auto* upperLine = new QLineSeries;
  upperLine->replace(upper);
  auto* lowerLine = new QLineSeries;
  lowerLine->replace(lower);
  auto* band = new QAreaSeries(upperLine, lowerLine);
  upperLine->setParent(band);  // the area series does not own its edges
  lowerLine->setParent(band);
  band->setName(name);
  attach(band);
  band->setBrush(fill);
  band->setPen(Qt::NoPen);
  band->setVisible(g.visible);
  g.series << band;
  syncLegend();
  return band;
}

QStringList TimeSeriesChartView::groups() const {
  QStringList names;
  for (const Group& g : groups_) names << g.name;
  return names;
}

QList<QAbstractSeries*> TimeSeriesChartView::seriesOf(const QString& name) const {
  const Group* g = group(name);
  return g ? g->series : QList<QAbstractSeries*>{};
}

void TimeSeriesChartView::setGroupVisible(const QString& name, bool visible) {
  Group* g = group(name);
  if (!g || g->visible == visible) return;
  g->visible = visible;
  for (QAbstractSeries* s : g->series) s->setVisible(visible);
  syncLegend();
  fitValueAxis();
  Q_EMIT groupVisibilityChanged(name, visible);
}

bool TimeSeriesChartView::isGroupVisible(const QString& name) const {
  const Group* g = group(name);
  return g && g->visible;
}

QStringList TimeSeriesChartView::legendLabels() const {
  // In the legend's order; a marker's own visibility also depends on
  // whether the chart has been shown yet, so ask which marker heads a group.
  QStringList labels;
  for (QLegendMarker* m : chart()->legend()->markers())
    for (const Group& g : groups_)
      if (headOf(g.series) == m->series()) labels << m->label();
  return labels;
}

QLegendMarker* TimeSeriesChartView::legendMarker(const QString& name) const {
  const Group* g = group(name);
  if (!g) return nullptr;
  const QList<QLegendMarker*> markers = chart()->legend()->markers(headOf(g->series));
  return markers.isEmpty() ? nullptr : markers.front();
}

void TimeSeriesChartView::syncLegend() {
  // Qt shows a marker per series and hides it with its series; the legend
  // here shows one entry per group, dimmed while the group is hidden, and a
  // click on it toggles the group.
  const QColor text = palette().color(QPalette::Text);
  for (QLegendMarker* marker : chart()->legend()->markers()) {
    const Group* owner = nullptr;
    for (const Group& g : groups_)
      if (g.series.contains(marker->series())) owner = &g;
    const bool head = owner && headOf(owner->series) == marker->series();
    marker->setVisible(head);
    disconnect(marker, &QLegendMarker::clicked, this, nullptr);
    if (!head) continue;
    QColor label = text, swatch = owner->color;
    if (!owner->visible) {
      label.setAlphaF(0.4f);
      swatch.setAlphaF(0.25f);
    }
    marker->setLabelBrush(label);
    marker->setBrush(swatch);
    marker->setPen(QPen(swatch));
    connect(marker, &QLegendMarker::clicked, this,
            [this, name = owner->name] { setGroupVisible(name, !isGroupVisible(name)); });
  }
}

void TimeSeriesChartView::markDate(std::optional<Date> date) {
  if (marker_) {
    chart()->removeSeries(marker_);
    delete marker_;
    marker_ = nullptr;
  }
  markedDate_ = date;
  if (!date) return;
  marker_ = new QLineSeries;
  marker_->setName(QString::fromStdString(date->toIso()));
  attach(marker_);
  QPen pen(palette().color(QPalette::Highlight));
  pen.setWidth(2);
  pen.setStyle(Qt::DashLine);
  marker_->setPen(pen);
  for (QLegendMarker* m : chart()->legend()->markers(marker_)) m->setVisible(false);
  // Bring the date into view if it is outside the current window.
  const qreal x = xOf(*date);
  if (x < dateAxis_->min() || x > dateAxis_->max()) resetZoom();
  placeVerticals();
}

void TimeSeriesChartView::setOrigin(std::optional<Date> date, const QString& label) {
  if (originLine_) {
    chart()->removeSeries(originLine_);
    delete originLine_;
    originLine_ = nullptr;
  }
  delete originText_;
  originText_ = nullptr;
  origin_ = date;
  if (!date) return;
  originLine_ = new QLineSeries;
  originLine_->setName(label);
  attach(originLine_);
  QPen pen(palette().color(QPalette::Text));
  pen.setWidthF(1.5);
  pen.setStyle(Qt::DashDotLine);
  originLine_->setPen(pen);
  for (QLegendMarker* m : chart()->legend()->markers(originLine_)) m->setVisible(false);
  originText_ = new QGraphicsSimpleTextItem(label, chart());
  originText_->setBrush(palette().color(QPalette::Text));
  originText_->setZValue(10);
  placeVerticals();
}

QString TimeSeriesChartView::originLabel() const { return originText_ ? originText_->text() : QString(); }

void TimeSeriesChartView::placeVerticals() {
  const qreal y0 = valueAxis_->min(), y1 = valueAxis_->max();
  if (marker_ && markedDate_) marker_->replace({QPointF(xOf(*markedDate_), y0), QPointF(xOf(*markedDate_), y1)});
  if (originLine_ && origin_) {
    const qreal x = xOf(*origin_);
    originLine_->replace({QPointF(x, y0), QPointF(x, y1)});
    const bool inView = x >= dateAxis_->min() && x <= dateAxis_->max();
    originText_->setVisible(inView);
    const QPointF top = chart()->mapToPosition(QPointF(x, y1), originLine_);
    // Right of the line, unless that would leave the plot.
    const qreal w = originText_->boundingRect().width();
    const qreal left = top.x() + 4 + w > chart()->plotArea().right() ? top.x() - 4 - w : top.x() + 4;
    originText_->setPos(left, top.y() + 2);
  }
}

void TimeSeriesChartView::resetZoom() {
  chart()->zoomReset();
  qreal x0 = kInf, x1 = -kInf;
  for (const Group& g : groups_)
    for (QAbstractSeries* s : g.series) {
      const auto* xy = qobject_cast<QXYSeries*>(s);
      const auto* area = qobject_cast<QAreaSeries*>(s);
      if (area) xy = area->upperSeries();
      if (!xy || xy->count() == 0) continue;
      x0 = std::min(x0, xy->at(0).x());
      x1 = std::max(x1, xy->at(xy->count() - 1).x());
    }
  if (!(x0 <= x1)) return;
  if (x1 - x0 < 1.0) x1 = x0 + 1.0;
  setDateRange(x0, x1);
}

void TimeSeriesChartView::setDateRange(qreal from, qreal to) {
  if (dateAxis_->min() == from && dateAxis_->max() == to) {
    onDateRangeChanged();  // same range, new data: still re-fit
    return;
  }
  dateAxis_->setRange(from, to);
}

void TimeSeriesChartView::onDateRangeChanged() {
  if (adjusting_) return;
  adjusting_ = true;
  updateTicks();
  fitValueAxis();
  adjusting_ = false;
  // A zoom sets the value range after the date range: fit again once it is done.
  QTimer::singleShot(0, this, [this] { fitValueAxis(); });
  Q_EMIT dateRangeChanged(dateAxis_->min(), dateAxis_->max());
}

void TimeSeriesChartView::fitValueAxis() {
  const qreal lo = dateAxis_->min(), hi = dateAxis_->max();
  qreal y0 = kInf, y1 = -kInf;
  const auto extend = [&](const QXYSeries* s) {
    for (const QPointF& p : s->points())
      if (p.x() >= lo && p.x() <= hi) {
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
      }
  };
  for (const Group& g : groups_) {
    if (!g.visible) continue;
    for (QAbstractSeries* s : g.series) {
      if (auto* area = qobject_cast<QAreaSeries*>(s)) {
        extend(area->upperSeries());
        if (area->lowerSeries()) extend(area->lowerSeries());
      } else if (auto* xy = qobject_cast<QXYSeries*>(s)) {
        extend(xy);
      }
    }
  }
  if (!(y0 <= y1)) {
    y0 = 0.0;
    y1 = 1.0;
  }
  const qreal pad = y1 > y0 ? 0.05 * (y1 - y0) : std::max<qreal>(1.0, 0.05 * std::abs(y1));
  // Sales never go below zero: no padding into negative values they cannot take.
  const qreal bottom = clipAtZero_ ? std::max<qreal>(0.0, y0 - pad) : y0 >= 0.0 ? std::max<qreal>(0.0, y0 - pad) : y0 - pad;
  niceValueAxis(*valueAxis_, bottom, y1 + pad, maxValueIntervals_);
  placeVerticals();
  relayoutAxes(*chart());
}

void TimeSeriesChartView::updateTicks() {
  const qreal lo = dateAxis_->min(), hi = dateAxis_->max();
  qreal width = chart()->plotArea().width();
  if (width < 50.0) width = std::max(100, this->width() - 80);
  const QFontMetricsF metrics(dateAxis_->labelsFont());
  const CalendarTicks::Plan plan = CalendarTicks::choose(dateOf(std::ceil(lo)), dateOf(std::floor(hi)), width,
                                                         [&](const QString& s) { return metrics.horizontalAdvance(s); });
  // The category axis wants distinct labels; "Feb" recurs every year, so a
  // repeat gets invisible zero-width spaces.
  QStringList labels;
  QList<qreal> values;
  for (const CalendarTick& t : plan.ticks) {
    QString label = t.label;
    while (labels.contains(label)) label += QChar(0x200B);
    labels << label;
    values << xOf(t.date);
  }
  QList<qreal> current;
  for (const QString& l : dateAxis_->categoriesLabels()) current << dateAxis_->endValue(l);
  if (labels == dateAxis_->categoriesLabels() && values == current && dateAxis_->startValue() == lo) return;
  for (const QString& l : dateAxis_->categoriesLabels()) dateAxis_->remove(l);
  dateAxis_->setStartValue(lo);
  for (qsizetype i = 0; i < labels.size(); ++i) dateAxis_->append(labels[i], values[i]);
}

QList<Date> TimeSeriesChartView::tickDates() const {
  QList<Date> dates;
  for (const QString& l : dateAxis_->categoriesLabels()) dates << dateOf(dateAxis_->endValue(l));
  return dates;
}

QString TimeSeriesChartView::hoverText(qreal x) const {
  const NumberFormat format;
  std::optional<qreal> at;  // the data's x nearest to the pointer
  QStringList lines;
  for (const Group& g : groups_) {
    if (!g.visible) continue;
    std::optional<QPointF> best;
    for (QAbstractSeries* s : g.series) {
      const auto* line = qobject_cast<QLineSeries*>(s);
      if (!line || !s->isVisible()) continue;
      const std::optional<QPointF> p = pointNear(line->points(), at.value_or(x));
      if (p && (!best || std::abs(p->x() - x) < std::abs(best->x() - x))) best = p;
    }
    if (!best) continue;
    if (!at) at = best->x();
    if (best->x() != *at) continue;  // this group has no value on that date
    QString text = g.name + QStringLiteral(": ") + format.number(best->y());
    for (QAbstractSeries* s : g.series) {
      const auto* band = qobject_cast<QAreaSeries*>(s);
      if (!band || !band->lowerSeries()) continue;
      const auto lo = valueAt(band->lowerSeries()->points(), *at);
      const auto hi = valueAt(band->upperSeries()->points(), *at);
      if (lo && hi) text += QStringLiteral("   %1: %2 – %3").arg(band->name(), format.number(*lo), format.number(*hi));
    }
    lines << text;
  }
  if (!at) return {};
  const Date d = dateOf(*at);
  lines.prepend(format.date(d) + QStringLiteral(" (") + QLocale().dayName(d.isoWeekday(), QLocale::ShortFormat) +
                QLatin1Char(')'));
  return lines.join(QLatin1Char('\n'));
}

void TimeSeriesChartView::leaveEvent(QEvent* event) {
  QToolTip::hideText();
  QChartView::leaveEvent(event);
}

void TimeSeriesChartView::wheelEvent(QWheelEvent* event) {
  const qreal factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
  QRectF area = chart()->plotArea();
  const qreal cx = event->position().x();
  // Zoom about the pointer: keep the date under it where it is.
  const qreal left = cx - (cx - area.left()) / factor;
  area = QRectF(left, area.top(), area.width() / factor, area.height());
  chart()->zoomIn(area);
  event->accept();
}

void TimeSeriesChartView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton) {
    panning_ = true;
    lastPan_ = event->position().toPoint();
    setCursor(Qt::ClosedHandCursor);
    event->accept();
    return;
  }
  QChartView::mousePressEvent(event);
}

void TimeSeriesChartView::mouseMoveEvent(QMouseEvent* event) {
  if (panning_) {
    const QPoint p = event->position().toPoint();
    chart()->scroll(static_cast<qreal>(lastPan_.x() - p.x()), 0.0);
    lastPan_ = p;
    event->accept();
    return;
  }
  const QPointF scenePos = mapToScene(event->position().toPoint());
  const QPointF chartPos = chart()->mapFromScene(scenePos);
  if (!groups_.empty() && chart()->plotArea().contains(chartPos) && !chart()->series().isEmpty()) {
    const QString text = hoverText(chart()->mapToValue(chartPos, chart()->series().front()).x());
    if (text.isEmpty()) QToolTip::hideText();
    else QToolTip::showText(event->globalPosition().toPoint(), text, this);
  } else {
    QToolTip::hideText();
  }
  QChartView::mouseMoveEvent(event);
}

void TimeSeriesChartView::mouseReleaseEvent(QMouseEvent* event) {
  if (panning_ && (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton)) {
    panning_ = false;
    unsetCursor();
    event->accept();
    return;
  }
  // QChartView zooms out on a right click; right-drag pans here instead.
  if (event->button() == Qt::RightButton) return;
  QChartView::mouseReleaseEvent(event);
}

void TimeSeriesChartView::mouseDoubleClickEvent(QMouseEvent* event) {
  resetZoom();
  event->accept();
}

void TimeSeriesChartView::keyPressEvent(QKeyEvent* event) {
  const qreal step = chart()->plotArea().width() / 10.0;
  switch (event->key()) {
    case Qt::Key_Left: chart()->scroll(-step, 0); break;
    case Qt::Key_Right: chart()->scroll(step, 0); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: chart()->zoom(1.25); break;
    case Qt::Key_Minus: chart()->zoom(0.8); break;
    case Qt::Key_Home: resetZoom(); break;
    default: QChartView::keyPressEvent(event); return;
  }
  event->accept();
}

}  // namespace foresight::ui
