// Residual diagnostics of the models fitted on the whole series: the
// in-sample residuals over time, their autocorrelations with the 95% band,
// and the Ljung-Box test's verdict in words.
#pragma once

#include <QString>
#include <QWidget>
#include <memory>

#include "ui/models/ModelsRun.h"

class QChartView;
class QComboBox;
class QLabel;

namespace foresight::ui {

class TimeSeriesChartView;

class ResidualsView : public QWidget {
  Q_OBJECT
 public:
  explicit ResidualsView(QWidget* parent = nullptr);

  // The models of a run (the first one shown); nullptr clears the view.
  void setRun(std::shared_ptr<const ModelsRun> run);
  // Shows one model's residuals; false when no fit has that label.
  bool showModel(const QString& label);
  QString currentModel() const;
  // The verdict shown, e.g. "Ljung-Box Q = 12.3 on 14 df, p = 0.42: ...".
  QString verdictText() const;

  // The sentence for a test result (also used by tooltips and reports).
  static QString verdict(const stats::LjungBoxResult& r);

 protected:
  // Follows light/dark palette changes.
  void changeEvent(QEvent* event) override;

 private:
  void showFit(const FullFit& fit);
  void applyPalette();

  std::shared_ptr<const ModelsRun> run_;
  QComboBox* models_;
  TimeSeriesChartView* residualChart_;
  QChartView* acfChart_;
  QLabel* verdict_;
};

}  // namespace foresight::ui
