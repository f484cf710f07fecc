// The Models page: choose specs and backtest settings, run the backtest in
// the background (progress, cancel), then read the sortable leaderboard with
// per-fold details, the forecasts chart (forecast ahead or backtest folds;
// the legend shows or hides each model) and residual
// diagnostics. The numbers come from the engine (ModelsRun).
#pragma once

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <memory>

#include "ui/models/ModelsRun.h"

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;

namespace foresight::ui {

class BacktestSettingsWidget;
class FoldDetailsModel;
class ForecastChartPanel;
class Job;
class JobRunner;
class LeaderboardModel;
class ResidualsView;
class SpecPicker;
class WorkbenchSession;

class ModelsPage : public QWidget {
  Q_OBJECT
 public:
  // `session` and `jobs` must outlive the page.
  ModelsPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent = nullptr);
  ~ModelsPage() override;

  // The specs to backtest (validated, canonical); InputError for a bad one.
  void setSpecs(const QStringList& specs);
  QStringList specs() const;
  BacktestSettingsWidget* settings() const { return settings_; }
  SpecPicker* specPicker() const { return picker_; }

  // Starts the backtest of the current series in the background. Returns
  // false, with the reason in statusText(), when there is no series, no spec
  // or a setting is invalid.
  bool startBacktest();
  void cancelBacktest();
  bool isRunning() const { return !job_.isNull(); }
  QString statusText() const;

  // What the leaderboard view shows (sortable proxy) and its source.
  QSortFilterProxyModel* leaderboardModel() const { return proxy_; }
  LeaderboardModel* leaderboardSource() const { return leaderboard_; }
  QTableView* leaderboardView() const { return table_; }
  FoldDetailsModel* foldDetailsModel() const { return folds_; }
  ForecastChartPanel* forecastChart() const { return chart_; }
  ResidualsView* residualsView() const { return residuals_; }
  // The last completed run; null before the first.
  std::shared_ptr<const ModelsRun> lastRun() const { return run_; }
  // The best model's spec by the ranking metric; empty without results.
  QString bestSpec() const;
  // Every model's spec, best first (the Compare page's challengers).
  QStringList rankedSpecs() const;

 Q_SIGNALS:
  void backtestStarted();
  // The background work ended; `succeeded` false when it failed or was
  // cancelled (statusText() says which and why).
  void backtestFinished(bool succeeded);

 private:
  QWidget* buildResultsTabs();
  void applyRun(std::shared_ptr<const ModelsRun> run);
  void clearResults();
  void showFoldsOf(const QModelIndex& proxyIndex);
  void setRunning(bool running);
  // ModelsPageSession.cpp: the candidate specs and backtest settings live
  // in the session (the workspace keeps them); the page edits and follows
  // them, and starts new data with the recommended candidates.
  void followSession();
  void followCandidates();
  void followSettings();
  void recommendForData();

  WorkbenchSession& session_;
  JobRunner& jobs_;
  QPointer<Job> job_;
  std::shared_ptr<const ModelsRun> run_;
  SpecPicker* picker_;
  BacktestSettingsWidget* settings_;
  QPushButton* runButton_;
  QPushButton* cancelButton_;
  QProgressBar* progress_;
  QLabel* status_;
  LeaderboardModel* leaderboard_;
  QSortFilterProxyModel* proxy_;
  FoldDetailsModel* folds_;
  QTableView* table_ = nullptr;
  ForecastChartPanel* chart_ = nullptr;
  ResidualsView* residuals_ = nullptr;
  QStringList recommended_;  // the last recommendation, replaced while untouched
  bool following_ = false;   // the page is applying the session's state
};

}  // namespace foresight::ui
