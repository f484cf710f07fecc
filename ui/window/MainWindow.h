// The workbench's main window: a page switcher (Start, Data, Explore,
// Models, Compare, Registry), menus and shortcuts, and a status bar with the
// running job's progress and a Cancel button. Owns the session, the jobs and
// the registry watcher. Closing it with a running job or unsaved work asks.
#pragma once

#include <QJsonObject>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QStackedWidget>

#include "ui/jobs/JobRunner.h"
#include "ui/registry/RegistryWatcher.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

class DataPage;
class ExplorePage;
class JobStatusWidget;
class RegistryPage;
class StartPage;
class WorkbenchSettings;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // `registryOverride` (--registry) wins over the saved setting for this run.
  explicit MainWindow(WorkbenchSettings& settings, const QString& registryOverride = {},
                      QWidget* parent = nullptr);
  ~MainWindow() override;

  WorkbenchSession& session() { return session_; }
  JobRunner& jobs() { return jobs_; }
  DataPage* dataPage() const { return dataPage_; }
  ExplorePage* explorePage() const { return explorePage_; }
  RegistryPage* registryPage() const { return registryPage_; }
  StartPage* startPage() const { return startPage_; }
  RegistryWatcher& registryWatcher() { return watcher_; }

  QStringList pageNames() const;
  QWidget* page(const QString& name) const;
  void showPage(const QString& name);
  QString currentPageName() const;

  // A folder, file or database URI: the import dialog first when `ask`.
  void openSource(const QString& source, bool ask = true);
  void openSample();
  // A recent workspace (*.fsw.json) or data source.
  void openRecent(const QString& path);
  bool saveWorkspace(const QString& file);
  // Loads the workspace's source in the background, then replays its edits;
  // workspaceOpened reports the end.
  void openWorkspace(const QString& file);
  // The session holds data whose state differs from the workspace file
  // last saved or opened (or none was).
  bool hasUnsavedWork() const;
  // Asks what to do about a running job and unsaved work (the questions
  // closing the window asks); true when the window may close.
  bool confirmClose();

  // The chart shown on the current page (the first visible chart), if any.
  QWidget* currentChart() const;
  // PNG or SVG by suffix; false (with a message) when it failed.
  bool exportChart(const QString& file);

 Q_SIGNALS:
  void workspaceOpened(bool ok, const QString& message);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void addPage(const QString& name, const QString& tip, QWidget* page);
  void createMenus();
  QMenu* createFileMenu();
  void updateRecentMenu();
  void updateTitle();
  void showError(const QString& title, const QString& message);
  void askOpenFolder();
  void askOpenFile();
  void askOpenDatabase();
  void askSaveWorkspace();
  void askOpenWorkspace();
  void askExportChart();
  void askExportPowerBi();
  void askSettings();
  void showAbout();
  // Saves to the current workspace file, else asks for one; false when not saved.
  bool saveWorkspaceInteractively();

  WorkbenchSettings& settings_;
  WorkbenchSession session_;
  JobRunner jobs_;
  RegistryWatcher watcher_;
  QListWidget* nav_;
  QStackedWidget* stack_;
  DataPage* dataPage_ = nullptr;
  ExplorePage* explorePage_ = nullptr;
  RegistryPage* registryPage_ = nullptr;
  StartPage* startPage_ = nullptr;
  JobStatusWidget* jobStatus_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QString workspaceFile_;
  QJsonObject savedWorkspace_;  // Workspace::toJson() when last saved or opened
};

}  // namespace foresight::ui
