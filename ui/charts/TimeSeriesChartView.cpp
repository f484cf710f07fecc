#include "ui/charts/TimeSeriesChartView.h"

#include "ui/charts/ChartPalette.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QTimer>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>

namespace foresight::ui {

TimeSeriesChartView::TimeSeriesChartView(QWidget* parent)
    : QChartView(new QChart, parent), dateAxis_(new QDateTimeAxis), valueAxis_(new QValueAxis) {
  chart()->addAxis(dateAxis_, Qt::AlignBottom);
  chart()->addAxis(valueAxis_, Qt::AlignLeft);
  dateAxis_->setFormat(QStringLiteral("yyyy-MM-dd"));
  dateAxis_->setTickCount(7);
  valueAxis_->setLabelFormat(QStringLiteral("%.4g"));
  chart()->legend()->setAlignment(Qt::AlignBottom);
  chart()->setMargins(QMargins(4, 4, 4, 4));
  // Follow the application palette (light or dark) instead of a fixed theme.
  ChartPalette::apply(*chart(), palette());
  setRenderHint(QPainter::Antialiasing);
  setRubberBand(QChartView::HorizontalRubberBand);
  setFocusPolicy(Qt::StrongFocus);
  setToolTip(tr("Drag to zoom into a date range, wheel to zoom, right-drag or arrow keys to pan, "
                "double-click or Home to reset."));
}

qreal TimeSeriesChartView::toMsecs(Date d) {
  const QDate qd(d.year(), d.month(), d.day());
  // Local noon: the axis shows local time, and noon keeps the day right in
  // every time zone.
  return static_cast<qreal>(QDateTime(qd, QTime(12, 0)).toMSecsSinceEpoch());
}

void TimeSeriesChartView::relayoutAxes(QChart& chart) {
  for (QAbstractAxis* axis : chart.axes()) {
    axis->setLabelsVisible(false);
    axis->setLabelsVisible(true);
  }
}

void TimeSeriesChartView::niceValueAxis(QValueAxis& axis, double lo, double hi) {
  if (!(hi > lo)) hi = lo + 1.0;
  // The smallest 1-2-5 step that spans the data in at most four intervals
  // (five labels still fit a short chart; Qt elides labels that collide).
  double step = std::pow(10.0, std::floor(std::log10((hi - lo) / 4.0)));
  for (int i = 0; i < 12; ++i) {
    if (std::ceil(hi / step) - std::floor(lo / step) <= 4.0) break;
    const double digit = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    step *= digit < 1.5 ? 2.0 : digit < 3.5 ? 2.5 : 2.0;  // 1 -> 2 -> 5 -> 10
  }
  axis.setTickType(QValueAxis::TicksDynamic);
  axis.setTickAnchor(0.0);
  axis.setTickInterval(step);
  axis.setRange(std::floor(lo / step) * step, std::ceil(hi / step) * step);
  axis.setLabelFormat(step >= 1.0 ? QStringLiteral("%.0f") : QStringLiteral("%.3g"));
}

void TimeSeriesChartView::changeEvent(QEvent* event) {
  QChartView::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) ChartPalette::apply(*chart(), palette());
}

void TimeSeriesChartView::showEvent(QShowEvent* event) {
  QChartView::showEvent(event);
  relayoutAxes(*chart());
}

void TimeSeriesChartView::resizeEvent(QResizeEvent* event) {
  // About one date label per 120 pixels, so "yyyy-MM-dd" labels never elide.
  dateAxis_->setTickCount(std::clamp(event->size().width() / 120, 2, 12));
  QChartView::resizeEvent(event);
}

void TimeSeriesChartView::setTitle(const QString& title) { chart()->setTitle(title); }

void TimeSeriesChartView::clearLines() {
  chart()->removeAllSeries();
  marker_ = nullptr;
  markedDate_.reset();
}

QLineSeries* TimeSeriesChartView::addLine(const QString& name, const TimeSeries& series,
                                          std::optional<QColor> color) {
  auto* line = new QLineSeries;
  line->setName(name);
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(series.size()));
  for (Eigen::Index i = 0; i < series.size(); ++i)
    if (std::isfinite(series.values[i])) points.append(QPointF(toMsecs(series.dateAt(i)), series.values[i]));
  line->replace(points);
  if (color) line->setColor(*color);
  chart()->addSeries(line);
  line->attachAxis(dateAxis_);
  line->attachAxis(valueAxis_);
  fitAxes();
  return line;
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
  QPen pen(palette().color(QPalette::Highlight));
  pen.setWidth(2);
  pen.setStyle(Qt::DashLine);
  marker_->setPen(pen);
  const qreal x = toMsecs(*date);
  marker_->append(x, valueAxis_->min());
  marker_->append(x, valueAxis_->max());
  chart()->addSeries(marker_);
  marker_->attachAxis(dateAxis_);
  marker_->attachAxis(valueAxis_);
  // Bring the date into view if it is outside the current window.
  const qreal lo = static_cast<qreal>(dateAxis_->min().toMSecsSinceEpoch());
  const qreal hi = static_cast<qreal>(dateAxis_->max().toMSecsSinceEpoch());
  if (x < lo || x > hi) fitAxes();
}

void TimeSeriesChartView::fitAxes() {
  qreal xMin = std::numeric_limits<qreal>::max(), xMax = std::numeric_limits<qreal>::lowest();
  qreal yMin = xMin, yMax = xMax;
  for (QAbstractSeries* s : chart()->series()) {
    auto* line = qobject_cast<QXYSeries*>(s);
    if (!line || line == marker_) continue;
    for (const QPointF& p : line->points()) {
      xMin = std::min(xMin, p.x());
      xMax = std::max(xMax, p.x());
      yMin = std::min(yMin, p.y());
      yMax = std::max(yMax, p.y());
    }
  }
  if (xMin > xMax) return;
  if (xMin == xMax) xMax = xMin + 86'400'000.0;
  const qreal pad = yMax > yMin ? 0.05 * (yMax - yMin) : 1.0;
  dateAxis_->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(xMin)),
                      QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(xMax)));
  // Sales never go below zero: no padding into negative values they cannot take.
  niceValueAxis(*valueAxis_, yMin >= 0.0 ? std::max(0.0, yMin - pad) : yMin - pad, yMax + pad);
  if (marker_ && marker_->count() == 2) {
    marker_->replace(0, marker_->at(0).x(), valueAxis_->min());
    marker_->replace(1, marker_->at(1).x(), valueAxis_->max());
  }
  relayoutAxes(*chart());
  // Once more after the pending layout pass: label widths measured before it can be stale.
  QTimer::singleShot(0, this, [this] { relayoutAxes(*chart()); });
}

void TimeSeriesChartView::resetZoom() {
  chart()->zoomReset();
  fitAxes();
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
    chart()->scroll(static_cast<qreal>(lastPan_.x() - p.x()), static_cast<qreal>(p.y() - lastPan_.y()));
    lastPan_ = p;
    event->accept();
    return;
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
