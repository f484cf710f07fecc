// The Hierarchy page: reconciliation of a hierarchy loaded on the Data page
// (a `series,date,value,level` file). The user picks a base model for every
// node (and optionally another for the bottom series, e.g. croston or tsb
// for intermittent products), the methods to compare and the folds; the
// per-level backtest (HierarchicalBacktest) runs in the background with
// progress and cancel and fills a leaderboard tree (method -> levels, MASE
// and RMSSE, the best over all levels marked); then the whole hierarchy is
// forecast and reconciled with the best method, or the one chosen
// (HierarchicalForecast). Selecting a node draws its actuals, base and
// reconciled forecasts beside its children's base sum (HierarchyNodeChart).
//
// A page of its own rather than part of Models: Models ranks several specs
// on one series, this page compares reconciliation methods over every node
// at once with one base spec, and its results are per level, not per model.
#pragma once

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <map>
#include <memory>

#include "engine/hierarchy/HierarchicalBacktest.h"
#include "engine/hierarchy/HierarchicalForecast.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeView;

namespace foresight::ui {

class HierarchyNodeChart;
class HierarchyTreeModel;
class Job;
class JobRunner;
class ReconcileLeaderboardModel;
class WorkbenchSession;

class HierarchyPage : public QWidget {
  Q_OBJECT
 public:
  // `session` and `jobs` must outlive the page.
  HierarchyPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent = nullptr);
  ~HierarchyPage() override;

  // Starts the per-level backtest of every checked method; when it
  // succeeds, the forecast with the best method follows. Returns false,
  // with the reason in statusText(), when there is no hierarchy, no method
  // or a setting is invalid, or a job of the page is running.
  bool startBacktest();
  // Forecasts and reconciles with the method chosen under the leaderboard.
  bool startForecast();
  void cancel();
  bool isRunning() const { return !job_.isNull(); }
  QString statusText() const;

  // The methods to compare, by name ("bottom_up", "mint_shrink").
  void setMethods(const QStringList& methods);
  QStringList methods() const;
  // The method the forecast reconciles with.
  QString forecastMethod() const;
  void setForecastMethod(const QString& method);

  QComboBox* modelBox() const { return model_; }
  QComboBox* bottomModelBox() const { return bottomModel_; }
  QSpinBox* horizonBox() const { return horizon_; }
  QSpinBox* foldsBox() const { return folds_; }
  QCheckBox* nonNegativeBox() const { return nonNegative_; }
  QTreeView* leaderboardView() const { return board_; }
  ReconcileLeaderboardModel* leaderboardModel() const { return boardModel_; }
  QTreeView* nodeView() const { return nodes_; }
  HierarchyTreeModel* nodeModel() const { return nodeModel_; }
  HierarchyNodeChart* chart() const { return chart_; }
  // The last forecast; null before the first (or after new data).
  std::shared_ptr<const HierarchicalForecastResult> forecast() const { return forecast_; }
  // The method the last forecast was reconciled with.
  QString forecastedMethod() const { return forecastedMethod_; }
  // Draws a node (by path); false when the hierarchy has no such node.
  bool selectNode(const QString& path);

 Q_SIGNALS:
  // The backtest ended: false when it failed or was cancelled (statusText()).
  void backtestFinished(bool succeeded);
  void forecastFinished(bool succeeded);

 private:
  QWidget* buildSettings();
  QWidget* buildResults();
  void followData();
  void followSeries();
  void showSelectedNode();
  void setRunning(bool running);
  void startJob(const QString& title, const std::function<void(const ProgressSink&, const CancellationToken&)>& work,
                const std::function<void(bool ok, const QString& message, bool cancelled)>& done);
  void applyBacktest(const HierarchicalBacktestResult& result);

  WorkbenchSession& session_;
  JobRunner& jobs_;
  QPointer<Job> job_;
  std::shared_ptr<const HierarchicalPanel> hierarchy_;
  std::shared_ptr<const HierarchicalForecastResult> forecast_;
  QString forecastedMethod_;
  QString backtestSummary_;  // the last backtest's verdict, kept in the status beside the forecast's

  QComboBox* model_;
  QComboBox* bottomModel_;
  QSpinBox* horizon_;
  QSpinBox* folds_;
  QComboBox* middle_;
  QCheckBox* nonNegative_;
  std::map<QString, QCheckBox*> methodBoxes_;  // by method name
  QPushButton* backtest_;
  QPushButton* cancel_;
  QProgressBar* progress_;
  QLabel* status_;
  QTreeView* board_;
  ReconcileLeaderboardModel* boardModel_;
  QComboBox* forecastMethod_;
  QPushButton* forecastButton_;
  QTreeView* nodes_;
  HierarchyTreeModel* nodeModel_;
  HierarchyNodeChart* chart_;
};

}  // namespace foresight::ui
