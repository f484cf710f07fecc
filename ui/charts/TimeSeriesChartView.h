// A QtCharts view of dated lines with a date axis: rubber-band zoom, wheel
// zoom, drag or arrow-key pan, Home or double-click to reset, and a marker
// for one date (a finding's row).
#pragma once

#include <QChartView>
#include <QColor>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>
#include <optional>

#include "engine/common/TimeSeries.h"

namespace foresight::ui {

class TimeSeriesChartView : public QChartView {
  Q_OBJECT
 public:
  explicit TimeSeriesChartView(QWidget* parent = nullptr);

  void setTitle(const QString& title);
  // Removes every line and the marker.
  void clearLines();
  // A line per period of `series` (missing values leave a gap). Returns it
  // so callers can style it.
  QLineSeries* addLine(const QString& name, const TimeSeries& series, std::optional<QColor> color = {});
  // A vertical line at `date` (nullopt removes it).
  void markDate(std::optional<Date> date);
  // Fits the axes to every line.
  void resetZoom();
  QDateTimeAxis* dateAxis() const { return dateAxis_; }
  QValueAxis* valueAxis() const { return valueAxis_; }

  static qreal toMsecs(Date d);
  // Qt 6.4 lays axis labels out wrongly when ranges change while a chart is
  // hidden (labels become "..." or vanish); toggling them redoes the layout.
  static void relayoutAxes(QChart& chart);
  // Round tick values and a label format people read ("35000", not "3.5e+04").
  static void niceValueAxis(QValueAxis& axis, double lo, double hi);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void fitAxes();
  QDateTimeAxis* dateAxis_;
  QValueAxis* valueAxis_;
  QLineSeries* marker_ = nullptr;
  std::optional<Date> markedDate_;
  bool panning_ = false;
  QPoint lastPan_;
};

}  // namespace foresight::ui
