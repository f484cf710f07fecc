// The Registry page: registered models -> their versions -> a version's
// details (metrics, parameters, lineage) and the model's history; set an
// alias, roll the champion back, load a version into the session; open or
// create an SQLite registry or connect to PostgreSQL. Every registry access
// runs as a background job (a remote PostgreSQL registry must not freeze the
// window); refreshed() and actionFinished() report ends. It follows the
// session's registryChanged (other pages, other processes) and announces
// its own changes there.
#pragma once

#include <QLabel>
#include <QListView>
#include <QTableView>
#include <QTextBrowser>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "ui/registry/RegistryHistoryModel.h"
#include "ui/registry/RegistryModelsModel.h"
#include "ui/registry/RegistrySnapshot.h"
#include "ui/registry/RegistryVersionsModel.h"

namespace foresight::ui {

class JobRunner;
class WorkbenchSession;

class RegistryPage : public QWidget {
  Q_OBJECT
 public:
  RegistryPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent = nullptr);

  // Re-reads the registry in the background, keeping the selected model and
  // version (or showing `model` when given); refreshed() when done.
  void refresh(const QString& model = {});
  // Shows a listed model's versions (reads them in the background).
  void selectModel(const QString& name);
  void selectVersion(int version);
  QString selectedModel() const;
  int selectedVersion() const;  // 0 when none

  // Actions (the buttons call these after asking; tests call them directly).
  // They run in the background and end with actionFinished(); false when
  // one cannot start (the reason is in the message line).
  bool setAlias(const QString& alias, int version, const QString& reason);
  bool rollback(const QString& reason);
  bool loadSelectedIntoSession();
  // The selected model's champion as last read, and the version a rollback
  // would restore (nullopt: none).
  std::optional<int> selectedChampion() const;
  std::optional<int> rollbackTarget() const;
  // What the rollback dialog asks: names the model and both versions.
  QString rollbackQuestion() const;
  // Makes `uri` the registry of the session and the saved setting (the
  // page then reads it); false with the reason shown when it is malformed.
  bool useRegistry(const QString& uri);

  RegistryModelsModel* modelsModel() { return &models_; }
  RegistryVersionsModel* versionsModel() { return &versions_; }
  RegistryHistoryModel* historyModel() { return &history_; }
  QTextBrowser* details() const { return details_; }
  QLabel* messageLine() const { return message_; }

 Q_SIGNALS:
  void refreshed(bool ok);
  void actionFinished(bool ok);

 private:
  // Runs `change` (may be empty) then reads a snapshot, in one job; applies
  // it unless a newer read started meanwhile (`current` false then). A
  // failed read empties the page; a failed change leaves it as it was.
  using ReadDone = std::function<void(bool ok, const QString& error, bool current)>;
  void runRead(const QString& title, std::function<void(const std::string& uri)> change, const std::string& model,
               int version, ReadDone done);
  void apply(const RegistrySnapshot& snapshot, int version);
  void showModel();
  void showVersion();
  void askAlias();
  void askRollback();
  void askSqlite();
  void askPostgres();
  // Tells the session (and so the other pages) about a change made here.
  void announce();
  void report(const QString& text, bool error);

  WorkbenchSession& session_;
  JobRunner& jobs_;
  int generation_ = 0;     // the newest read; older results are dropped
  bool applying_ = false;  // selection changes made by apply() start no read
  bool announcing_ = false;  // our own registryChanged needs no second read
  RegistrySnapshot shown_;   // what the page shows
  RegistryModelsModel models_;
  RegistryVersionsModel versions_;
  RegistryHistoryModel history_;
  QLabel* uriLabel_;
  QListView* modelsView_;
  QTableView* versionsView_;
  QTableView* historyView_;
  QTextBrowser* details_;
  QLabel* message_;
};

}  // namespace foresight::ui
