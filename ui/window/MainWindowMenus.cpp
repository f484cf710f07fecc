// The main window's menus, shortcuts and the dialogs they open.
#include <Eigen/Core>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <nlohmann/json.hpp>

#include "engine/common/Version.h"
#include "ui/data/DataPage.h"
#include "ui/export/PowerBiExportDialog.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/settings/WorkbenchSettings.h"
#include "ui/window/MainWindow.h"
#include "ui/window/StartPage.h"
#include "ui/workspace/Workspace.h"

namespace foresight::ui {

void MainWindow::createMenus() {
  menuBar()->addMenu(createFileMenu());

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = session_.undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = session_.undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  edit->addAction(tr("&Settings..."), QKeySequence(tr("Ctrl+,")), this, &MainWindow::askSettings);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  const QStringList names = pageNames();
  for (int i = 0; i < names.size(); ++i) {
    const QString name = names[i];
    view->addAction(name, QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)), this,
                    [this, name] { showPage(name); });
  }

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Foresight"), this, &MainWindow::showAbout);
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QMenu* MainWindow::createFileMenu() {
  auto* file = new QMenu(tr("&File"), this);
  file->addAction(tr("Open &folder..."), QKeySequence::Open, this, &MainWindow::askOpenFolder);
  file->addAction(tr("Open f&ile..."), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::askOpenFile);
  file->addAction(tr("Open &database..."), QKeySequence(tr("Ctrl+Alt+O")), this, &MainWindow::askOpenDatabase);
  file->addAction(tr("Open &sample"), QKeySequence(tr("Ctrl+Shift+M")), this, &MainWindow::openSample)
      ->setToolTip(tr("Generate the built-in synthetic Adventure Works sample and load its daily revenue"));
  recentMenu_ = file->addMenu(tr("&Recent files"));
  updateRecentMenu();
  file->addSeparator();
  file->addAction(tr("Open &workspace..."), QKeySequence(tr("Ctrl+Alt+W")), this, &MainWindow::askOpenWorkspace);
  file->addAction(tr("Save wor&kspace..."), QKeySequence::Save, this, &MainWindow::askSaveWorkspace);
  file->addSeparator();
  file->addAction(tr("&Export Power BI CSV..."), QKeySequence(tr("Ctrl+E")), this, &MainWindow::askExportPowerBi);
  file->addAction(tr("Export &chart (PNG/SVG)..."), QKeySequence(tr("Ctrl+Shift+E")), this, &MainWindow::askExportChart);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  return file;
}

void MainWindow::updateRecentMenu() {
  if (!recentMenu_) return;
  recentMenu_->clear();
  const QStringList files = settings_.recentFiles();
  for (const QString& path : files) recentMenu_->addAction(path, this, [this, path] { openRecent(path); });
  if (startPage_) startPage_->refreshRecent();
  recentMenu_->setEnabled(!files.isEmpty());
  if (!files.isEmpty()) {
    recentMenu_->addSeparator();
    recentMenu_->addAction(tr("Clear list"), this, [this] {
      settings_.clearRecentFiles();
      updateRecentMenu();
    });
  }
}

void MainWindow::openRecent(const QString& path) {
  if (Workspace::isWorkspaceFile(path)) openWorkspace(path);
  else openSource(path, true);
}

void MainWindow::askOpenFolder() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open folder"), settings_.lastDirectory());
  if (!dir.isEmpty()) openSource(dir);
}

void MainWindow::askOpenFile() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Open file"), settings_.lastDirectory(),
                                                    tr("Delimited files (*.csv *.tsv *.txt);;All files (*)"));
  if (!file.isEmpty()) openSource(file);
}

void MainWindow::askOpenDatabase() {
  bool ok = false;
  const QString uri = QInputDialog::getText(this, tr("Open database"),
                                            tr("Database URI (sqlite:///abs/path.db or postgresql://user@host:port/db);\n"
                                               "the next dialog asks for the query:"),
                                            QLineEdit::Normal, QStringLiteral("sqlite:///"), &ok);
  if (ok && !uri.trimmed().isEmpty()) openSource(uri.trimmed());
}

bool MainWindow::saveWorkspaceInteractively() {
  if (!workspaceFile_.isEmpty()) return saveWorkspace(workspaceFile_);
  const QString file = QFileDialog::getSaveFileName(this, tr("Save workspace"), settings_.lastDirectory(),
                                                    tr("Foresight workspace (*.fsw.json)"));
  if (file.isEmpty()) return false;
  return saveWorkspace(file.endsWith(QStringLiteral(".json")) ? file : file + QStringLiteral(".fsw.json"));
}

void MainWindow::askSaveWorkspace() {
  const QString file = QFileDialog::getSaveFileName(this, tr("Save workspace"),
                                                    workspaceFile_.isEmpty() ? settings_.lastDirectory() : workspaceFile_,
                                                    tr("Foresight workspace (*.fsw.json)"));
  if (file.isEmpty()) return;
  saveWorkspace(file.endsWith(QStringLiteral(".json")) ? file : file + QStringLiteral(".fsw.json"));
}

void MainWindow::askOpenWorkspace() {
  const QString file = QFileDialog::getOpenFileName(this, tr("Open workspace"), settings_.lastDirectory(),
                                                    tr("Foresight workspace (*.fsw.json *.json)"));
  if (!file.isEmpty()) openWorkspace(file);
}

void MainWindow::askExportChart() {
  if (!currentChart()) {
    showError(tr("Export chart"), tr("The %1 page shows no chart.").arg(currentPageName()));
    return;
  }
  QString filters = tr("PNG image (*.png)");
  filters += QStringLiteral(";;") + tr("SVG drawing (*.svg)");
  const QString file = QFileDialog::getSaveFileName(this, tr("Export chart"), settings_.lastDirectory(), filters);
  if (!file.isEmpty()) exportChart(file);
}

void MainWindow::askExportPowerBi() {
  if (!session_.hasSeries()) {
    showError(tr("Export Power BI CSV"), tr("Load data first: the export writes the actuals with the forecast."));
    return;
  }
  PowerBiExportDialog dialog(session_, jobs_, this);
  dialog.exec();
}

void MainWindow::askSettings() {
  SettingsDialog dialog(settings_, this);
  if (dialog.exec() == QDialog::Accepted) session_.setRegistryUri(settings_.registryUri());
}

void MainWindow::showAbout() {
  const QString eigen = QStringLiteral("%1.%2.%3").arg(EIGEN_WORLD_VERSION).arg(EIGEN_MAJOR_VERSION).arg(EIGEN_MINOR_VERSION);
  const QString json = QStringLiteral("%1.%2.%3")
                           .arg(NLOHMANN_JSON_VERSION_MAJOR)
                           .arg(NLOHMANN_JSON_VERSION_MINOR)
                           .arg(NLOHMANN_JSON_VERSION_PATCH);
  QMessageBox::about(this, tr("About Foresight"),
                     tr("<h3>Foresight Workbench %1</h3>"
                        "<p>Explore sales data, compare forecasting models, promote a champion and export "
                        "forecasts for Power BI — on the same engine as the <tt>foresight</tt> command line.</p>"
                        "<p>Qt %2 (built with %3)<br>Eigen %4<br>nlohmann_json %5</p>")
                         .arg(QString::fromUtf8(kToolVersion), QString::fromUtf8(qVersion()),
                              QStringLiteral(QT_VERSION_STR), eigen, json));
}

}  // namespace foresight::ui
