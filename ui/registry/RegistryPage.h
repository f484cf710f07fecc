// The Registry page: registered models -> their versions -> a version's
// details (metrics, parameters, lineage) and the model's history; set an
// alias, roll the champion back, load a version into the session.
#pragma once

#include <QLabel>
#include <QListView>
#include <QTableView>
#include <QTextBrowser>
#include <QWidget>

#include "ui/registry/RegistryHistoryModel.h"
#include "ui/registry/RegistryModelsModel.h"
#include "ui/registry/RegistryVersionsModel.h"

namespace foresight::ui {

class WorkbenchSession;

class RegistryPage : public QWidget {
  Q_OBJECT
 public:
  explicit RegistryPage(WorkbenchSession& session, QWidget* parent = nullptr);

  // Re-reads the registry, keeping the selected model and version.
  void refresh();
  void selectModel(const QString& name);
  void selectVersion(int version);
  QString selectedModel() const;
  int selectedVersion() const;  // 0 when none

  // Actions (the buttons call these after asking; tests call them directly).
  // Each returns false and shows the error in the page's message line.
  bool setAlias(const QString& alias, int version, const QString& reason);
  bool rollback(const QString& reason);
  bool loadSelectedIntoSession();

  RegistryModelsModel* modelsModel() { return &models_; }
  RegistryVersionsModel* versionsModel() { return &versions_; }
  RegistryHistoryModel* historyModel() { return &history_; }
  QTextBrowser* details() const { return details_; }
  QLabel* messageLine() const { return message_; }

 private:
  void showModel();
  void showVersion();
  void askAlias();
  void askRollback();
  void report(const QString& text, bool error);

  WorkbenchSession& session_;
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
