// The backtest settings of the Models page: horizon, folds, step, expanding
// or sliding window, interval levels and the ranking metric.
#pragma once

#include <QWidget>

#include "engine/eval/BacktestConfig.h"
#include "engine/eval/MetricKey.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace foresight::ui {

class BacktestSettingsWidget : public QWidget {
  Q_OBJECT
 public:
  explicit BacktestSettingsWidget(QWidget* parent = nullptr);

  // The settings as the engine takes them; InputError naming the field
  // ("levels", "metric", ...) when one is invalid (BacktestConfig::validate).
  BacktestConfig config() const;
  void setConfig(const BacktestConfig& config);
  // The metric the leaderboard ranks by (a loss such as MASE, or coverage80).
  MetricKey metric() const;
  void setMetric(const QString& name);

  QSpinBox* horizonBox() const { return horizon_; }
  QSpinBox* foldsBox() const { return folds_; }

 Q_SIGNALS:
  void metricChanged();

 private:
  void refillMetrics();

  QSpinBox* horizon_;
  QSpinBox* folds_;
  QSpinBox* step_;
  QComboBox* window_;
  QSpinBox* windowSize_;
  QLineEdit* levels_;
  QComboBox* metric_;
};

}  // namespace foresight::ui
