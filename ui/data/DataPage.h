// The Data page: opening sources (import dialog, background load), the
// panel's series list, a chart of the selected series, summary statistics
// and the validation findings (a click marks the offending date or row).
// A hierarchy's series file shows as a tree of its nodes instead of the
// list (HierarchyTreeModel); selecting a node selects its series.
#pragma once

#include <QFormLayout>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QTableView>
#include <QWidget>

#include "ui/charts/TimeSeriesChartView.h"
#include "ui/data/FindingsTableModel.h"
#include "ui/data/SeriesListModel.h"
#include "ui/hierarchy/HierarchyTreeModel.h"
#include "ui/session/SeriesSettings.h"

namespace foresight::ui {

class JobRunner;
class WorkbenchSession;

class DataPage : public QWidget {
  Q_OBJECT
 public:
  DataPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent = nullptr);

  // Shows the import dialog for `source`, then loads in the background.
  void openSource(const QString& source);
  // Loads and builds without asking (sample, workspace, recent files, tests).
  void loadSource(const QString& source, const SeriesSettings& settings);
  // Writes the built-in sample to a temporary folder and loads daily revenue.
  void openSample();
  // Asks for new build settings and rebuilds the panel from the loaded data (undoable).
  void editBuildSettings();
  void removeSelectedSeries();

  TimeSeriesChartView* chart() const { return chart_; }
  QListView* seriesView() const { return seriesView_; }
  QTableView* findingsView() const { return findingsView_; }
  FindingsTableModel* findingsModel() { return &findings_; }
  SeriesListModel* seriesModel() { return &seriesModel_; }
  // The hierarchy's tree, shown instead of the series list when the
  // session holds a hierarchy.
  QTreeView* hierarchyView() const { return hierarchyView_; }
  HierarchyTreeModel* hierarchyModel() { return &hierarchyModel_; }
  bool showsHierarchy() const { return seriesStack_->currentWidget() == hierarchyView_; }
  QLabel* findingDetail() const { return findingDetail_; }

 Q_SIGNALS:
  // A load ended: the session holds the new data (ok) or `message` says why not.
  void loadFinished(bool ok, const QString& source, const QString& message);

 private:
  QWidget* makeSidePanel();
  void showSeries();
  void showFindings();
  void showFinding(const QModelIndex& index);
  void showHierarchy();

  WorkbenchSession& session_;
  JobRunner& jobs_;
  SeriesListModel seriesModel_;
  FindingsTableModel findings_;
  QListView* seriesView_;
  HierarchyTreeModel hierarchyModel_;
  QTreeView* hierarchyView_;
  QStackedWidget* seriesStack_ = nullptr;
  QSplitter* horizontal_ = nullptr;
  QSplitter* vertical_ = nullptr;
  TimeSeriesChartView* chart_;
  QTableView* findingsView_;
  QLabel* findingDetail_;
  QLabel* sourceLabel_;
  QLabel* seriesLabel_ = nullptr;
  QFormLayout* stats_ = nullptr;
};

}  // namespace foresight::ui
