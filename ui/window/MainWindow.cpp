#include "ui/window/MainWindow.h"

#include <QChartView>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStatusBar>
#include <algorithm>
#include <exception>

#include "ui/charts/ChartExport.h"
#include "ui/data/DataPage.h"
#include "ui/explore/ExplorePage.h"
#include "ui/jobs/JobStatusWidget.h"
#include "ui/registry/RegistryPage.h"
#include "ui/settings/WorkbenchSettings.h"
#include "ui/window/StartPage.h"
#include "ui/window/WorkbenchPages.h"
#include "ui/workspace/Workspace.h"

namespace foresight::ui {

MainWindow::MainWindow(WorkbenchSettings& settings, const QString& registryOverride, QWidget* parent)
    : QMainWindow(parent), settings_(settings), session_(settings), watcher_(session_), nav_(new QListWidget(this)),
      stack_(new QStackedWidget(this)) {
  if (!registryOverride.isEmpty()) session_.setRegistryUri(registryOverride);
  auto* central = new QWidget(this);
  auto* layout = new QHBoxLayout(central);
  layout->setContentsMargins(4, 4, 4, 4);
  nav_->setFixedWidth(120);
  nav_->setSpacing(2);
  nav_->setToolTip(tr("Pages (Ctrl+1 .. Ctrl+5)"));
  layout->addWidget(nav_);
  layout->addWidget(stack_, 1);
  setCentralWidget(central);
  connect(nav_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);

  startPage_ = new StartPage(session_, jobs_, this);
  dataPage_ = new DataPage(session_, jobs_, this);
  explorePage_ = new ExplorePage(session_, jobs_, this);
  registryPage_ = new RegistryPage(session_, jobs_, this);
  addPage(tr("Start"), tr("Open the sample, a folder, a file or a recent workspace; choose the registry"), startPage_);
  addPage(tr("Data"), tr("Open data, build series, check the findings"), dataPage_);
  addPage(tr("Explore"), tr("Decomposition, autocorrelation, seasonality and unit-root tests"), explorePage_);
  // The Models and Compare pages come from ui/models and ui/compare.
  for (const auto& extra : WorkbenchPages::create(session_, jobs_, this))
    addPage(extra.name, extra.tip, extra.page);
  addPage(tr("Registry"), tr("Registered models, versions, aliases and history"), registryPage_);
  nav_->setCurrentRow(0);

  jobStatus_ = new JobStatusWidget(jobs_, this);
  statusBar()->addPermanentWidget(jobStatus_);
  connect(&jobs_, &JobRunner::jobFinished, this, [this](const QString& title, const JobOutcome& outcome) {
    if (outcome.cancelled()) statusBar()->showMessage(tr("%1: cancelled").arg(title), 5000);
    else if (outcome.succeeded()) statusBar()->showMessage(tr("%1: done").arg(title), 5000);
    else statusBar()->showMessage(tr("%1: failed").arg(title), 5000);
  });
  connect(dataPage_, &DataPage::loadFinished, this, [this](bool ok, const QString& source, const QString& message) {
    if (!ok && !message.isEmpty() && message != QStringLiteral("cancelled"))
      showError(tr("Cannot load %1").arg(source), message);
    updateRecentMenu();
    updateTitle();
  });
  connect(&session_, &WorkbenchSession::seriesChanged, this, &MainWindow::updateTitle);
  connect(startPage_, &StartPage::openSampleRequested, this, &MainWindow::openSample);
  connect(startPage_, &StartPage::openFolderRequested, this, &MainWindow::askOpenFolder);
  connect(startPage_, &StartPage::openFileRequested, this, &MainWindow::askOpenFile);
  connect(startPage_, &StartPage::openWorkspaceRequested, this, &MainWindow::askOpenWorkspace);
  connect(startPage_, &StartPage::openRecentRequested, this, &MainWindow::openRecent);
  createMenus();
  updateTitle();
  if (!restoreGeometry(settings_.windowGeometry())) resize(1280, 800);
  // A size saved on a larger screen (or the default on a small one) would put
  // part of the window off this screen: keep it inside what is available.
  if (const QScreen* screen = this->screen()) {
    const QRect available = screen->availableGeometry();
    if (width() > available.width() || height() > available.height()) {
      resize(std::min(width(), available.width()), std::min(height(), available.height()));
      move(available.topLeft());
    }
  }
  registryPage_->refresh();
  watcher_.checkNow();  // learns the registry's state now that its URI is final
}

MainWindow::~MainWindow() {
  jobs_.cancelAll();
  for (Job* job : jobs_.jobs()) job->waitForFinished();
  // The pages refer to the session and the jobs, which are members: delete
  // them while those still exist (QWidget would do it after the members).
  delete takeCentralWidget();
}

void MainWindow::addPage(const QString& name, const QString& tip, QWidget* page) {
  auto* item = new QListWidgetItem(name, nav_);
  item->setToolTip(tip);
  item->setData(Qt::UserRole, name);
  item->setSizeHint(QSize(100, 36));
  page->setObjectName(name);
  stack_->addWidget(page);
}

QStringList MainWindow::pageNames() const {
  QStringList names;
  for (int i = 0; i < nav_->count(); ++i) names << nav_->item(i)->data(Qt::UserRole).toString();
  return names;
}

QWidget* MainWindow::page(const QString& name) const {
  const int i = static_cast<int>(pageNames().indexOf(name));
  return i >= 0 ? stack_->widget(i) : nullptr;
}

void MainWindow::showPage(const QString& name) {
  const int i = static_cast<int>(pageNames().indexOf(name));
  if (i >= 0) nav_->setCurrentRow(i);
}

QString MainWindow::currentPageName() const {
  return nav_->currentItem() ? nav_->currentItem()->data(Qt::UserRole).toString() : QString();
}

void MainWindow::openSource(const QString& source, bool ask) {
  settings_.setLastDirectory(QFileInfo(source).absolutePath());
  showPage(tr("Data"));
  if (ask) dataPage_->openSource(source);
  else dataPage_->loadSource(source, session_.seriesSettings());
}

void MainWindow::openSample() {
  showPage(tr("Data"));
  dataPage_->openSample();
}

bool MainWindow::saveWorkspace(const QString& file) {
  try {
    Workspace::of(session_).save(file);
  } catch (const std::exception& e) {
    showError(tr("Cannot save the workspace"), QString::fromUtf8(e.what()));
    return false;
  }
  workspaceFile_ = file;
  savedWorkspace_ = Workspace::of(session_).toJson();
  settings_.addRecentFile(file);
  updateRecentMenu();
  updateTitle();
  statusBar()->showMessage(tr("Saved %1").arg(file), 5000);
  return true;
}

void MainWindow::openWorkspace(const QString& file) {
  Workspace ws;
  try {
    ws = Workspace::load(file);
  } catch (const std::exception& e) {
    showError(tr("Cannot open the workspace"), QString::fromUtf8(e.what()));
    Q_EMIT workspaceOpened(false, QString::fromUtf8(e.what()));
    return;
  }
  if (!ws.registryUri.isEmpty()) session_.setRegistryUri(ws.registryUri);
  // One-shot: replay the edits once this load has ended.
  auto connection = std::make_shared<QMetaObject::Connection>();
  *connection = connect(dataPage_, &DataPage::loadFinished, this,
                        [this, ws, file, connection](bool ok, const QString&, const QString& message) {
                          disconnect(*connection);
                          if (!ok) {
                            Q_EMIT workspaceOpened(false, message);
                            return;
                          }
                          QList<QPair<QString, QString>> layout;
                          for (qsizetype i = 0; i < ws.seriesNames.size(); ++i)
                            layout.append({ws.builtNames.value(i), ws.seriesNames[i]});
                          const QStringList missing = session_.applyLayout(layout);
                          session_.selectSeries(ws.selectedSeries);
                          ws.applyTo(session_);
                          session_.undoStack()->clear();
                          workspaceFile_ = file;
                          savedWorkspace_ = Workspace::of(session_).toJson();
                          settings_.addRecentFile(file);
                          updateRecentMenu();
                          updateTitle();
                          const QString note = missing.isEmpty()
                                                   ? QString()
                                                   : tr("series no longer in the data: %1").arg(missing.join(QStringLiteral(", ")));
                          if (!note.isEmpty()) statusBar()->showMessage(note, 10000);
                          Q_EMIT workspaceOpened(true, note);
                        });
  showPage(tr("Data"));
  dataPage_->loadSource(ws.source, ws.settings);
}

QWidget* MainWindow::currentChart() const {
  QWidget* current = stack_->currentWidget();
  if (!current) return nullptr;
  for (QChartView* view : current->findChildren<QChartView*>())
    if (view->isVisible()) return view;
  const auto all = current->findChildren<QChartView*>();
  return all.isEmpty() ? nullptr : all.front();
}

bool MainWindow::exportChart(const QString& file) {
  QWidget* chart = currentChart();
  if (!chart) {
    showError(tr("Export chart"), tr("The %1 page shows no chart.").arg(currentPageName()));
    return false;
  }
  try {
    ChartExport::save(*chart, file);
  } catch (const std::exception& e) {
    showError(tr("Export chart"), QString::fromUtf8(e.what()));
    return false;
  }
  statusBar()->showMessage(tr("Saved %1").arg(file), 5000);
  return true;
}

bool MainWindow::hasUnsavedWork() const {
  return session_.hasSeries() && Workspace::of(session_).toJson() != savedWorkspace_;
}

bool MainWindow::confirmClose() {
  if (jobs_.isBusy()) {
    QStringList titles;
    for (Job* job : jobs_.jobs()) titles << job->title();
    // Modal: the answer decides whether the window closes.
    QMessageBox box(QMessageBox::Question, tr("Quit Foresight Workbench"),
                    tr("A job is running: %1. Stop it and quit?").arg(titles.join(QStringLiteral(", "))),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("runningJobBox"));
    QPushButton* stop = box.addButton(tr("&Stop and quit"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != stop) return false;
  }
  if (hasUnsavedWork()) {
    QMessageBox box(QMessageBox::Question, tr("Quit Foresight Workbench"),
                    workspaceFile_.isEmpty()
                        ? tr("The data, series and models of this session are not saved in a workspace. Save them?")
                        : tr("The workspace %1 has unsaved changes. Save them?").arg(QFileInfo(workspaceFile_).fileName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedWorkBox"));
    box.setDefaultButton(QMessageBox::Save);
    const int answer = box.exec();
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save && !saveWorkspaceInteractively()) return false;
  }
  return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!confirmClose()) {
    event->ignore();
    return;
  }
  jobs_.cancelAll();
  settings_.setWindowGeometry(saveGeometry());
  settings_.sync();
  event->accept();
}

void MainWindow::updateTitle() {
  QString title = QStringLiteral("Foresight Workbench");
  if (!session_.sourcePath().isEmpty()) title = QFileInfo(session_.sourcePath()).fileName() + QStringLiteral(" — ") + title;
  if (session_.hasSeries()) title = session_.currentSeriesName() + QStringLiteral(" · ") + title;
  setWindowTitle(title);
}

void MainWindow::showError(const QString& title, const QString& message) {
  statusBar()->showMessage(title, 10000);
  // Window-modal and non-blocking: background jobs and tests keep running.
  auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setObjectName(QStringLiteral("errorBox"));
  box->open();
}

}  // namespace foresight::ui
