// The first page a new user sees: open the built-in sample, an Adventure
// Works folder or any file, reopen a recent workspace or file, and choose
// or create the model registry (SQLite file or PostgreSQL), with the
// registry in use shown.
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace foresight::ui {

class JobRunner;
class WorkbenchSession;

class StartPage : public QWidget {
  Q_OBJECT
 public:
  StartPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent = nullptr);

  // Reads the recent workspaces and files again (after one was added).
  void refreshRecent();
  QListWidget* recentList() const { return recent_; }
  QString registryText() const;
  // Uses `uri` as the registry (session and saved setting); false with the
  // reason shown when it is malformed.
  bool useRegistry(const QString& uri);

 Q_SIGNALS:
  void openSampleRequested();
  void openFolderRequested();
  void openFileRequested();
  void openWorkspaceRequested();
  // A recent workspace (*.fsw.json) or data file was chosen.
  void openRecentRequested(const QString& path);

 private:
  void showRegistry();

  WorkbenchSession& session_;
  JobRunner& jobs_;
  QListWidget* recent_;
  QLabel* registry_;
  QLabel* registryProblem_;
};

}  // namespace foresight::ui
