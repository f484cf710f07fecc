// A chart of actuals with models' forecasts overlaid, each forecast with its
// prediction interval as a band (QAreaSeries); models are shown or hidden
// one by one. Zoom with a rubber band, reset with a double click.
#pragma once

#include <Eigen/Core>
#include <QChartView>
#include <QColor>
#include <QList>
#include <QString>
#include <vector>

#include "engine/common/TimeSeries.h"
#include "engine/eval/FoldOutcome.h"
#include "engine/models/Forecast.h"

class QDateTimeAxis;
class QValueAxis;
class QAbstractSeries;

namespace foresight::ui {

// A stretch of one model's forecasts: a line, and a band when lower/upper are given.
struct ForecastSegment {
  Date start;
  Frequency frequency = Frequency::Daily;
  Eigen::VectorXd mean;
  Eigen::VectorXd lower, upper;  // empty: no band

  // The fold's forecasts and its `levelIndex`-th interval (no band when out of range).
  static ForecastSegment fromFold(const FoldOutcome& fold, Frequency frequency, int levelIndex);
  static ForecastSegment fromForecast(const Forecast& forecast, int levelIndex);
};

class ForecastChartView : public QChartView {
  Q_OBJECT
 public:
  explicit ForecastChartView(QWidget* parent = nullptr);

  // The i-th colour models get (the same in the chart and its toggles).
  static QColor colorFor(int i);
  // Msecs since the epoch of a date at UTC midnight (the x axis' unit).
  static qreal xOf(Date d);

  void setTitle(const QString& title);
  // Actuals from index `from` on (the rest of the history stays off screen).
  void setActuals(const TimeSeries& series, Eigen::Index from = 0);
  // Adds a model in the next colour; the legend names it once.
  void addModel(const QString& name, const std::vector<ForecastSegment>& segments);
  void clearModels();
  void setModelVisible(const QString& name, bool visible);
  bool isModelVisible(const QString& name) const;
  QStringList modelNames() const;
  // Line and band series of a model (tests count them).
  QList<QAbstractSeries*> seriesOf(const QString& name) const;

 protected:
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  // Follows light/dark palette changes.
  void changeEvent(QEvent* event) override;

 private:
  void attach(QAbstractSeries* s);
  void fitAxes();

  struct ModelSeries {
    QString name;
    QList<QAbstractSeries*> series;
    QList<QAbstractSeries*> unnamed;  // bands and later folds: no legend entry
    bool visible = true;
  };
  void hideLegendEntries(const ModelSeries& m);
  QDateTimeAxis* xAxis_;
  QValueAxis* yAxis_;
  QAbstractSeries* actuals_ = nullptr;
  std::vector<ModelSeries> models_;
};

}  // namespace foresight::ui
