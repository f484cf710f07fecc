// Forecasts on the workbench's time chart, for the Models and Compare pages:
// - "Forecast ahead": recent history, each model's forecast past the data
//   with a band per requested level (80 and 95, or any), and the forecast
//   origin marked;
// - "Fold k": one backtest fold - history up to the fold's origin, the
//   actuals it was scored on, each model's forecast with its bands;
// - "All folds": every fold's forecasts as thin lines, without bands.
// Every model is a legend entry: the legend shows or hides it, so one model
// or an overlay of a chosen few is drawn.
#pragma once

#include <Eigen/Core>
#include <QColor>
#include <QStringList>
#include <QWidget>
#include <optional>
#include <vector>

#include "engine/common/TimeSeries.h"
#include "engine/eval/FoldOutcome.h"
#include "engine/models/Forecast.h"

class QComboBox;
class QLabel;

namespace foresight::ui {

class TimeSeriesChartView;

// One stretch of forecasts: the mean and, per level, lower and upper bounds.
struct ForecastPiece {
  Date start;
  Frequency frequency = Frequency::Daily;
  Eigen::VectorXd mean;          // empty: the model failed here
  Eigen::MatrixXd lower, upper;  // horizon x levels (no columns: no bands)
  Date origin;                   // the last date the model saw

  static ForecastPiece fromFold(const FoldOutcome& fold, Frequency frequency);
  static ForecastPiece fromForecast(const Forecast& forecast);
  bool empty() const { return mean.size() == 0; }
};

struct ModelForecasts {
  QString name;
  std::vector<ForecastPiece> folds;  // by fold index; an empty piece where the model failed
  std::optional<ForecastPiece> ahead;
};

class ForecastChartPanel : public QWidget {
  Q_OBJECT
 public:
  enum class View { Ahead, AllFolds, Fold };

  explicit ForecastChartPanel(QWidget* parent = nullptr);

  // Shows `models` over `history` with bands for `levels` (ascending, as
  // the engine gives them). Opens on the forecast ahead when a model has
  // one, else on the first fold. `title` names what is compared.
  void setData(const TimeSeries& history, std::vector<ModelForecasts> models, std::vector<double> levels,
               const QString& title);
  void clear();

  // The views offered, as the selector lists them.
  QStringList viewNames() const;
  View view() const { return view_; }
  int fold() const { return fold_; }  // the fold shown in View::Fold (0-based)
  int foldCount() const;
  void showAhead();
  void showAllFolds();
  void showFold(int fold);

  QStringList modelNames() const;
  // Draws exactly these models (the others stay in the legend, hidden).
  void setShownModels(const QStringList& names);
  QStringList shownModels() const;

  TimeSeriesChartView* chart() const { return chart_; }
  QComboBox* viewSelector() const { return selector_; }

 private:
  void redraw();
  void drawPiece(const QString& name, const ForecastPiece& piece, const QColor& color, bool bands, qreal width);
  void fillSelector();

  TimeSeriesChartView* chart_;
  QComboBox* selector_;
  QLabel* hint_;
  TimeSeries history_;
  std::vector<ModelForecasts> models_;
  std::vector<double> levels_;
  QString title_;
  QStringList hidden_;  // models the user hid (kept across views)
  View view_ = View::Ahead;
  int fold_ = 0;
  bool filling_ = false;
};

}  // namespace foresight::ui
