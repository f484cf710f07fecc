// The workbench's one time chart: dated lines and interval bands on a date
// axis with calendar ticks (CalendarTicks). Series come in legend groups (a
// model's line, its bands and its folds are one group); clicking a legend
// entry shows or hides its group and the value axis re-fits to what is
// visible, never below zero when the visible data are non-negative. A
// vertical marker for one date (a finding's row) and a labelled forecast
// origin; hovering shows the date and the visible values. Rubber-band zoom,
// wheel zoom, drag or arrow-key pan, Home or double-click to reset.
#pragma once

#include <QCategoryAxis>
#include <QChartView>
#include <QColor>
#include <QLineSeries>
#include <QList>
#include <QPointF>
#include <QValueAxis>
#include <optional>
#include <vector>

#include "engine/common/TimeSeries.h"

class QAreaSeries;
class QLegendMarker;
class QGraphicsSimpleTextItem;

namespace foresight::ui {

class TimeSeriesChartView : public QChartView {
  Q_OBJECT
 public:
  explicit TimeSeriesChartView(QWidget* parent = nullptr);

  // The x axis' unit: days since 1970-01-01 (time zones never move a date).
  static qreal xOf(Date d) { return static_cast<qreal>(d.days()); }
  static Date dateOf(qreal x);
  // The points of `values` dated from `start` on the frequency's calendar
  // (non-finite values leave a gap).
  static QList<QPointF> pointsOf(Date start, Frequency frequency, const Eigen::VectorXd& values);

  void setTitle(const QString& title);
  // Removes every series, the marker and the origin.
  void clearLines();
  // A line in its own legend group `name`. Returns it so callers can style it.
  QLineSeries* addLine(const QString& name, const TimeSeries& series, std::optional<QColor> color = {});
  // A line in group `group` (created in `color` when new; the legend names a
  // group once). `width` 1 draws thin lines (many folds at once).
  QLineSeries* addPoints(const QString& group, const QList<QPointF>& points, const QColor& color, qreal width = 2.0);
  // An interval band of group `group` between `lower` and `upper` (same x),
  // named like "95%" in the hover text. With clipAtZero() the lower edge
  // stops at zero.
  QAreaSeries* addBand(const QString& group, const QString& name, QList<QPointF> lower, const QList<QPointF>& upper,
                       const QColor& fill);

  // Non-negative data (sales): bands are clipped at zero and the value axis
  // starts at zero or above.
  void setClipAtZero(bool clip) { clipAtZero_ = clip; }
  bool clipAtZero() const { return clipAtZero_; }

  QStringList groups() const;
  QList<QAbstractSeries*> seriesOf(const QString& group) const;
  // What a click on the group's legend entry does.
  void setGroupVisible(const QString& group, bool visible);
  bool isGroupVisible(const QString& group) const;
  // The legend entries, in order: one per group (hidden groups' dimmed).
  QStringList legendLabels() const;
  // The legend entry of `group` (a click on it toggles the group); null when unknown.
  QLegendMarker* legendMarker(const QString& group) const;

  // A dashed vertical line at `date` (nullopt removes it).
  void markDate(std::optional<Date> date);
  // The forecast origin: a vertical line at `date` labelled `label` at the
  // top of the plot (nullopt removes it).
  void setOrigin(std::optional<Date> date, const QString& label = {});
  std::optional<Date> origin() const { return origin_; }
  QString originLabel() const;

  // Fits the date axis to every series and the value axis to the visible ones.
  void resetZoom();
  // Shows [from, to] (days, see xOf) and re-fits the value axis to it.
  void setDateRange(qreal from, qreal to);
  // The dates of the date axis' ticks, in order.
  QList<Date> tickDates() const;
  // What hovering at `x` shows: the date, then "group: value" for every
  // visible group with a point there (and its bands' ranges); empty when
  // nothing is there.
  QString hoverText(qreal x) const;

  QCategoryAxis* dateAxis() const { return dateAxis_; }
  QValueAxis* valueAxis() const { return valueAxis_; }

  // Qt 6.4 lays axis labels out wrongly when ranges change while a chart is
  // hidden (labels become "..." or vanish); toggling them redoes the layout.
  static void relayoutAxes(QChart& chart);
  // Round tick values and a label format people read ("35,000", not "3.5e+04"),
  // in at most `maxIntervals` intervals (2 to 4).
  static void niceValueAxis(QValueAxis& axis, double lo, double hi, int maxIntervals = 4);
  // At most this many value intervals from the next fit on (2 to 4; default
  // 4). Charts stacked in a short space ask for fewer, so their value labels
  // never collide (Qt draws colliding labels as "...").
  void setMaxValueIntervals(int intervals) { maxValueIntervals_ = intervals; }

 Q_SIGNALS:
  // The visible date range changed (zoom, pan, reset): days, see xOf.
  void dateRangeChanged(qreal from, qreal to);
  void groupVisibilityChanged(const QString& group, bool visible);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void changeEvent(QEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  struct Group {
    QString name;
    QColor color;
    QList<QAbstractSeries*> series;
    bool visible = true;
  };
  Group* group(const QString& name);
  const Group* group(const QString& name) const;
  Group& groupFor(const QString& name, const QColor& color);
  void attach(QAbstractSeries* s);
  void syncLegend();
  void fitValueAxis();
  void updateTicks();
  void placeVerticals();
  void onDateRangeChanged();

  QCategoryAxis* dateAxis_;
  QValueAxis* valueAxis_;
  std::vector<Group> groups_;
  bool clipAtZero_ = false;
  int maxValueIntervals_ = 4;
  bool adjusting_ = false;  // re-fitting the value axis after a date range change
  QLineSeries* marker_ = nullptr;
  std::optional<Date> markedDate_;
  QLineSeries* originLine_ = nullptr;
  QGraphicsSimpleTextItem* originText_ = nullptr;
  std::optional<Date> origin_;
  bool panning_ = false;
  QPoint lastPan_;
};

}  // namespace foresight::ui
