#include "ui/models/BacktestSettingsWidget.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QThread>
#include <algorithm>  // std::max

#include "engine/common/Errors.h"
#include "engine/models/IntervalLevels.h"
#include "ui/models/MetricDescriptions.h"

namespace foresight::ui {

namespace {

QString levelsText(const std::vector<double>& levels) { return QString::fromStdString(IntervalLevels::format(levels)); }

// Throws InputError naming "levels" (IntervalLevels).
std::vector<double> parseLevels(const QString& text) { return IntervalLevels::parse(text.toStdString(), "levels"); }

}  // namespace

BacktestSettingsWidget::BacktestSettingsWidget(QWidget* parent)
    : QWidget(parent),
      horizon_(new QSpinBox(this)),
      folds_(new QSpinBox(this)),
      step_(new QSpinBox(this)),
      window_(new QComboBox(this)),
      windowSize_(new QSpinBox(this)),
      levels_(new QLineEdit(QString::fromUtf8(IntervalLevels::kDefaultText.data(),
                                               static_cast<qsizetype>(IntervalLevels::kDefaultText.size())),
                              this)),
      metric_(new QComboBox(this)) {
  auto* form = new QFormLayout(this);
  horizon_->setRange(1, 10000);
  horizon_->setValue(28);
  horizon_->setToolTip(tr("Points forecast and scored per fold (the forecast horizon h)."));
  folds_->setRange(1, 1000);
  folds_->setValue(5);
  folds_->setToolTip(tr("Number of forecast origins: every model is refitted and scored once per fold."));
  step_->setRange(0, 10000);
  step_->setSpecialValueText(tr("= horizon"));
  step_->setToolTip(tr("Periods between consecutive origins; by default the horizon (folds do not overlap)."));
  window_->addItem(tr("expanding"), QStringLiteral("expanding"));
  window_->addItem(tr("sliding"), QStringLiteral("sliding"));
  window_->setToolTip(tr("Expanding: each fold trains on all data before its origin. "
                         "Sliding: each fold trains on the same number of most recent points."));
  windowSize_->setRange(0, 100000000);
  windowSize_->setSpecialValueText(tr("first fold's"));
  windowSize_->setToolTip(tr("Training length of a sliding window; by default the first fold's."));
  windowSize_->setEnabled(false);
  levels_->setToolTip(tr("Prediction interval levels scored, in percent, comma separated."));
  form->addRow(tr("&Horizon"), horizon_);
  form->addRow(tr("&Folds"), folds_);
  form->addRow(tr("&Step"), step_);
  form->addRow(tr("&Window"), window_);
  form->addRow(tr("Window si&ze"), windowSize_);
  form->addRow(tr("&Levels %"), levels_);
  form->addRow(tr("Rank &by"), metric_);
  connect(window_, &QComboBox::currentIndexChanged, this,
          [this] { windowSize_->setEnabled(window_->currentData().toString() == QStringLiteral("sliding")); });
  connect(levels_, &QLineEdit::editingFinished, this, &BacktestSettingsWidget::refillMetrics);
  connect(metric_, &QComboBox::currentIndexChanged, this, &BacktestSettingsWidget::metricChanged);
  for (QSpinBox* box : {horizon_, folds_, step_, windowSize_})
    connect(box, &QSpinBox::valueChanged, this, &BacktestSettingsWidget::changed);
  connect(window_, &QComboBox::currentIndexChanged, this, &BacktestSettingsWidget::changed);
  connect(levels_, &QLineEdit::editingFinished, this, &BacktestSettingsWidget::changed);
  connect(metric_, &QComboBox::currentIndexChanged, this, &BacktestSettingsWidget::changed);
  refillMetrics();
  setMetric(QStringLiteral("mase"));
  setFrequency(Frequency::Daily);
}

void BacktestSettingsWidget::setFrequency(Frequency f) {
  switch (f) {
    case Frequency::Daily: unit_ = tr("days"); break;
    case Frequency::Weekly: unit_ = tr("weeks"); break;
    case Frequency::Monthly: unit_ = tr("months"); break;
    case Frequency::Quarterly: unit_ = tr("quarters"); break;
    case Frequency::Yearly: unit_ = tr("years"); break;
  }
  for (QSpinBox* box : {horizon_, step_, windowSize_}) box->setSuffix(QLatin1Char(' ') + unit_);
}

QJsonObject BacktestSettingsWidget::state() const {
  return {{QStringLiteral("horizon"), horizon_->value()},
          {QStringLiteral("folds"), folds_->value()},
          {QStringLiteral("step"), step_->value()},
          {QStringLiteral("window"), window_->currentData().toString()},
          {QStringLiteral("window_size"), windowSize_->value()},
          {QStringLiteral("levels"), levels_->text()},
          {QStringLiteral("metric"), metric_->currentData().toString()}};
}

void BacktestSettingsWidget::setState(const QJsonObject& state) {
  const auto number = [&](const char* key, QSpinBox* box) {
    const QJsonValue v = state.value(QLatin1String(key));
    if (v.isUndefined()) return;
    if (!v.isDouble() || v.toDouble() < box->minimum() || v.toDouble() > box->maximum())
      throw InputError(InputLocation{"", 0, std::string("backtest.") + key, v.toVariant().toString().toStdString()},
                       "must be a whole number from " + std::to_string(box->minimum()) + " to " +
                           std::to_string(box->maximum()));
    box->setValue(v.toInt());
  };
  number("horizon", horizon_);
  number("folds", folds_);
  number("step", step_);
  number("window_size", windowSize_);
  if (const QJsonValue w = state.value(QStringLiteral("window")); !w.isUndefined()) {
    const int i = window_->findData(w.toString());
    if (i < 0)
      throw InputError(InputLocation{"", 0, "backtest.window", w.toString().toStdString()}, "must be expanding or sliding");
    window_->setCurrentIndex(i);
  }
  if (const QJsonValue l = state.value(QStringLiteral("levels")); !l.isUndefined()) {
    parseLevels(l.toString());  // throws naming "levels"
    levels_->setText(l.toString());
    refillMetrics();
  }
  if (const QJsonValue m = state.value(QStringLiteral("metric")); !m.isUndefined()) setMetric(m.toString());
  Q_EMIT changed();
}

void BacktestSettingsWidget::refillMetrics() {
  std::vector<double> levels;
  try {
    levels = parseLevels(levels_->text());
  } catch (const InputError&) {
    return;  // config() reports the bad level when the backtest starts
  }
  const QString current = metric_->currentData().toString();
  metric_->blockSignals(true);
  metric_->clear();
  for (const MetricKey& key : MetricKey::all(levels)) {
    if (key.metric == Metric::R2 || key.metric == Metric::Bias) continue;  // not ranking metrics
    metric_->addItem(MetricDescriptions::title(key), QString::fromStdString(key.name()));
    metric_->setItemData(metric_->count() - 1, MetricDescriptions::describe(key), Qt::ToolTipRole);
  }
  metric_->setCurrentIndex(std::max(0, metric_->findData(current)));
  metric_->blockSignals(false);
}

BacktestConfig BacktestSettingsWidget::config() const {
  BacktestConfig c;
  c.horizon = horizon_->value();
  c.folds = folds_->value();
  c.step = step_->value();
  c.window = parseWindowKind(window_->currentData().toString().toStdString());
  if (c.window == WindowKind::Sliding) c.windowSize = windowSize_->value();
  c.levels = parseLevels(levels_->text());
  // Leave a core to the GUI thread so the window keeps answering.
  c.threads = std::max(1, QThread::idealThreadCount() - 1);
  c.validate();
  return c;
}

void BacktestSettingsWidget::setConfig(const BacktestConfig& c) {
  horizon_->setValue(c.horizon);
  folds_->setValue(c.folds);
  step_->setValue(c.step);
  window_->setCurrentIndex(c.window == WindowKind::Sliding ? 1 : 0);
  windowSize_->setValue(c.windowSize);
  levels_->setText(levelsText(c.levels));
  refillMetrics();
  Q_EMIT changed();
}

MetricKey BacktestSettingsWidget::metric() const {
  return MetricKey::parse(metric_->currentData().toString().toStdString(), "metric");
}

void BacktestSettingsWidget::setMetric(const QString& name) {
  const int i = metric_->findData(name);
  if (i < 0) throw InputError(InputLocation{"", 0, "metric", name.toStdString()}, "is not offered for these levels");
  metric_->setCurrentIndex(i);
}

}  // namespace foresight::ui
