// The Hierarchy page's background work: the per-level backtest, then the
// forecast, each a JobRunner job with the page's progress bar and Cancel
// (the status bar's Cancel and Esc stop them too).
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeView>
#include <exception>
#include <limits>

#include "engine/common/Errors.h"
#include "engine/models/ModelSpec.h"
#include "ui/hierarchy/HierarchyNodeChart.h"
#include "ui/hierarchy/HierarchyPage.h"
#include "ui/hierarchy/ReconcileLeaderboardModel.h"
#include "ui/jobs/JobRunner.h"

namespace foresight::ui {

namespace {

// The spec typed in a box, checked now so a typo is named before any work
// starts (ModelSpec::parse throws InputError naming it).
std::string specOf(const QComboBox* box) {
  const std::string text = box->currentText().trimmed().toStdString();
  if (!text.empty()) (void)ModelSpec::parse(text);
  return text;
}

}  // namespace

void HierarchyPage::startJob(const QString& title,
                             const std::function<void(const ProgressSink&, const CancellationToken&)>& work,
                             const std::function<void(bool ok, const QString& message, bool cancelled)>& done) {
  setRunning(true);
  job_ = jobs_.run(
      title, work,
      [this, done](const JobOutcome& outcome) {
        job_ = nullptr;  // the runner deletes the job after this callback
        setRunning(false);
        done(outcome.succeeded(), outcome.message, outcome.cancelled());
      },
      this);
  connect(job_, &Job::progressChanged, this, [this](double fraction, const QString& step) {
    progress_->setValue(static_cast<int>(fraction * progress_->maximum()));
    progress_->setToolTip(step);
  });
}

bool HierarchyPage::startBacktest() {
  if (isRunning()) return false;
  if (!hierarchy_) {
    status_->setText(tr("Load a hierarchy's series file on the Data page first."));
    return false;
  }
  HierarchicalBacktestConfig config;
  try {
    config.model = specOf(model_);
    if (config.model.empty()) throw InputError("no base model given");
    config.bottomModel = specOf(bottomModel_);
    config.methods.clear();
    for (const QString& name : methods()) config.methods.push_back(*parseReconcileMethod(name.toStdString()));
    if (config.methods.empty()) {
      status_->setText(tr("Tick at least one method to compare."));
      return false;
    }
    config.backtest.horizon = horizon_->value();
    config.backtest.folds = folds_->value();
    config.backtest.validate();
    config.middleDepth = middle_->count() > 0 ? middle_->currentData().toInt() : 1;
    config.nonNegative = nonNegative_->isChecked();
  } catch (const std::exception& e) {
    status_->setText(tr("Cannot start: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
  boardModel_->clear();
  backtestSummary_.clear();
  auto hierarchy = hierarchy_;
  auto result = std::make_shared<HierarchicalBacktestResult>();
  status_->setText(tr("Backtesting %n method(s) on %1 nodes, %2 folds x %3 periods…", nullptr,
                      static_cast<int>(config.methods.size()))
                       .arg(hierarchy->hierarchy.size())
                       .arg(config.backtest.folds)
                       .arg(config.backtest.horizon));
  startJob(
      tr("Hierarchy backtest"),
      [hierarchy, config, result](const ProgressSink& progress, const CancellationToken& cancel) {
        *result = HierarchicalBacktest::run(*hierarchy, config, progress, &cancel);
      },
      [this, hierarchy, result](bool ok, const QString& message, bool cancelled) {
        // New data cancels the job, but it may have ended just before:
        // its result belongs to the hierarchy it ran on, not to this one.
        if (ok && hierarchy != hierarchy_) {
          ok = false;
          cancelled = true;
        }
        if (!ok) {
          status_->setText(cancelled ? tr("Backtest cancelled.") : tr("Backtest failed: %1").arg(message));
          Q_EMIT backtestFinished(false);
          return;
        }
        applyBacktest(*result);
        Q_EMIT backtestFinished(true);
        startForecast();
      });
  return true;
}

void HierarchyPage::applyBacktest(const HierarchicalBacktestResult& result) {
  boardModel_->setResult(result);
  const QString best = boardModel_->bestMethod();
  const int row = boardModel_->rowOfMethod(best);
  if (row >= 0) board_->expand(boardModel_->index(row, 0));
  for (int c = 1; c < ReconcileLeaderboardModel::ColumnCount; ++c) board_->resizeColumnToContents(c);
  // The forecast takes the best reconciliation; when the base forecasts
  // win, the best method that reconciles them (they are not coherent).
  QString pick = best;
  if (!parseReconcileMethod(pick.toStdString())) {
    double lowest = std::numeric_limits<double>::infinity();
    for (const LevelScore& s : result.scores)
      if (s.depth < 0 && s.method != "base" && s.mase < lowest) {
        lowest = s.mase;
        pick = QString::fromStdString(s.method);
      }
  }
  setForecastMethod(pick);
  // Chosen on the folds it is scored on: say so (a pipeline chooses on
  // earlier validation folds, docs/hierarchies.md).
  QString text = tr("Best over all levels on these folds (mean MASE): %1; a pipeline chooses on earlier validation folds.").arg(best);
  if (pick != best) text += QLatin1Char(' ') + tr("The forecast reconciles with the best method, %1.").arg(pick);
  for (const std::string& note : result.notes) text += QLatin1Char(' ') + QString::fromStdString(note);
  backtestSummary_ = text;
  status_->setText(text);
}

bool HierarchyPage::startForecast() {
  if (isRunning()) return false;
  if (!hierarchy_) {
    status_->setText(tr("Load a hierarchy's series file on the Data page first."));
    return false;
  }
  HierarchicalForecastConfig config;
  const QString method = forecastMethod();
  try {
    config.model = specOf(model_);
    if (config.model.empty()) throw InputError("no base model given");
    config.bottomModel = specOf(bottomModel_);
    config.reconcile.method = *parseReconcileMethod(method.toStdString());
    config.reconcile.middleDepth = middle_->count() > 0 ? middle_->currentData().toInt() : 1;
    config.reconcile.nonNegative = nonNegative_->isChecked();
    config.horizon = horizon_->value();
  } catch (const std::exception& e) {
    status_->setText(tr("Cannot start: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
  auto hierarchy = hierarchy_;
  auto result = std::make_shared<HierarchicalForecastResult>();
  const QString before = backtestSummary_.isEmpty() ? QString() : backtestSummary_ + QLatin1Char(' ');
  startJob(
      tr("Hierarchy forecast (%1)").arg(method),
      [hierarchy, config, result](const ProgressSink& progress, const CancellationToken& cancel) {
        *result = HierarchicalForecast::run(*hierarchy, config, progress, &cancel);
      },
      [this, hierarchy, result, method, before](bool ok, const QString& message, bool cancelled) {
        if (ok && hierarchy != hierarchy_) {  // the data changed meanwhile (see the backtest)
          ok = false;
          cancelled = true;
        }
        if (!ok) {
          status_->setText(cancelled ? tr("Forecast cancelled.") : tr("Forecast failed: %1").arg(message));
          Q_EMIT forecastFinished(false);
          return;
        }
        forecast_ = result;
        forecastedMethod_ = method;
        QString text = tr("Forecast: %1 nodes x %2 periods reconciled by %3.")
                           .arg(result->forecast.hierarchy.size())
                           .arg(result->forecast.panel.series.empty() ? 0 : result->forecast.panel.series[0].size())
                           .arg(method);
        if (result->negativesSetToZero > 0)
          text += QLatin1Char(' ') + tr("%n negative bottom value(s) set to 0.", nullptr, result->negativesSetToZero);
        status_->setText(before + text);
        showSelectedNode();
        Q_EMIT forecastFinished(true);
      });
  status_->setText(before + tr("Forecasting with %1…").arg(method));
  return true;
}

void HierarchyPage::cancel() {
  if (job_) job_->cancel();
}

}  // namespace foresight::ui
