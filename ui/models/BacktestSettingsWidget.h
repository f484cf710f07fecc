// The backtest settings of the Models page: horizon, folds, step, expanding
// or sliding window, interval levels and the ranking metric. Horizon, step
// and window size carry the data's unit (days, weeks, ...).
#pragma once

#include <QJsonObject>
#include <QWidget>

#include "engine/common/Frequency.h"

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
  // The unit the periods are counted in ("days" for daily data).
  void setFrequency(Frequency f);
  QString unit() const { return unit_; }
  // Every setting as JSON (the workspace keeps it): horizon, folds, step,
  // window, window_size, levels, metric. setState ignores missing keys and
  // throws InputError naming the key for a value of the wrong type or range.
  QJsonObject state() const;
  void setState(const QJsonObject& state);

  QSpinBox* horizonBox() const { return horizon_; }
  QSpinBox* foldsBox() const { return folds_; }
  QSpinBox* stepBox() const { return step_; }

 Q_SIGNALS:
  void metricChanged();
  // Any setting was edited (also by setState/setConfig).
  void changed();

 private:
  void refillMetrics();

  QSpinBox* horizon_;
  QSpinBox* folds_;
  QSpinBox* step_;
  QComboBox* window_;
  QSpinBox* windowSize_;
  QLineEdit* levels_;
  QComboBox* metric_;
  QString unit_;
};

}  // namespace foresight::ui
