#include "ui/window/StartPage.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "registry/RegistryUri.h"
#include "ui/registry/RegistryLocation.h"
#include "ui/session/WorkbenchSession.h"
#include "ui/settings/WorkbenchSettings.h"
#include "ui/workspace/Workspace.h"

namespace foresight::ui {

namespace {

QPushButton* button(const QString& text, const QString& tip, QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setToolTip(tip);
  b->setMinimumHeight(b->sizeHint().height() * 3 / 2);
  return b;
}

}  // namespace

StartPage::StartPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent)
    : QWidget(parent),
      session_(session),
      jobs_(jobs),
      recent_(new QListWidget(this)),
      registry_(new QLabel(this)),
      registryProblem_(new QLabel(this)) {
  auto* title = new QLabel(tr("<h2>Foresight Workbench</h2><p>Explore sales data, backtest forecasting models, "
                              "promote a champion into the model registry and export forecasts for Power BI.</p>"),
                           this);
  title->setWordWrap(true);

  auto* dataBox = new QGroupBox(tr("Start with data"), this);
  auto* sample = button(tr("Open the &sample"), tr("A synthetic Adventure Works export, generated and loaded "
                                                   "as daily revenue"), dataBox);
  auto* folder = button(tr("Open an Adventure Works &folder…"),
                        tr("A folder with AdventureWorks_Sales_*.csv and AdventureWorks_Products.csv, or an "
                           "OLTP export"), dataBox);
  auto* file = button(tr("Open any &file…"), tr("A delimited file with a date column and a value column"), dataBox);
  auto* workspace = button(tr("Open a &workspace…"), tr("A saved workspace (*.fsw.json)"), dataBox);
  auto* dataLayout = new QVBoxLayout(dataBox);
  for (QPushButton* b : {sample, folder, file, workspace}) dataLayout->addWidget(b);
  dataLayout->addStretch(1);

  auto* recentBox = new QGroupBox(tr("Recent workspaces and files"), this);
  recent_->setToolTip(tr("Double-click (or Enter) to open"));
  auto* recentLayout = new QVBoxLayout(recentBox);
  recentLayout->addWidget(recent_);

  auto* registryBox = new QGroupBox(tr("Model registry"), this);
  registry_->setWordWrap(true);
  registry_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  registryProblem_->setWordWrap(true);
  auto* sqlite = new QPushButton(tr("Open or create an SQLite registry…"), registryBox);
  sqlite->setToolTip(tr("Pick an existing registry file or name a new one; it is created on first use"));
  auto* postgres = new QPushButton(tr("Connect to PostgreSQL…"), registryBox);
  postgres->setToolTip(tr("A team registry in a PostgreSQL database, with a connection test"));
  auto* byDefault = new QPushButton(tr("Use the default"), registryBox);
  byDefault->setToolTip(tr("The SQLite file in your data folder (created on first use)"));
  auto* registryButtons = new QHBoxLayout;
  for (QPushButton* b : {sqlite, postgres, byDefault}) registryButtons->addWidget(b);
  registryButtons->addStretch(1);
  auto* registryLayout = new QVBoxLayout(registryBox);
  registryLayout->addWidget(registry_);
  registryLayout->addLayout(registryButtons);
  registryLayout->addWidget(registryProblem_);

  auto* grid = new QGridLayout;
  grid->addWidget(dataBox, 0, 0);
  grid->addWidget(recentBox, 0, 1);
  grid->addWidget(registryBox, 1, 0, 1, 2);
  grid->setColumnStretch(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(title);
  layout->addLayout(grid, 1);

  connect(sample, &QPushButton::clicked, this, &StartPage::openSampleRequested);
  connect(folder, &QPushButton::clicked, this, &StartPage::openFolderRequested);
  connect(file, &QPushButton::clicked, this, &StartPage::openFileRequested);
  connect(workspace, &QPushButton::clicked, this, &StartPage::openWorkspaceRequested);
  connect(recent_, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* item) { Q_EMIT openRecentRequested(item->data(Qt::UserRole).toString()); });
  connect(sqlite, &QPushButton::clicked, this, [this] {
    const QString uri = RegistryLocation::askSqlite(this, session_.settings().lastDirectory());
    if (!uri.isEmpty()) useRegistry(uri);
  });
  connect(postgres, &QPushButton::clicked, this, [this] {
    const QString uri = RegistryLocation::askPostgres(this, jobs_, session_.registryUri());
    if (!uri.isEmpty()) useRegistry(uri);
  });
  connect(byDefault, &QPushButton::clicked, this, [this] {
    try {
      useRegistry(QStringLiteral("sqlite://") + QString::fromStdString(registry::RegistryUri::defaultSqlitePath()));
    } catch (const std::exception& e) {
      registryProblem_->setText(QString::fromUtf8(e.what()));
    }
  });
  connect(&session_, &WorkbenchSession::registryUriChanged, this, &StartPage::showRegistry);
  showRegistry();
  refreshRecent();
}

void StartPage::refreshRecent() {
  recent_->clear();
  for (const QString& path : session_.settings().recentFiles()) {
    const bool workspace = Workspace::isWorkspaceFile(path);
    auto* item = new QListWidgetItem(
        (workspace ? tr("Workspace: %1") : tr("Data: %1")).arg(QFileInfo(path).fileName()), recent_);
    item->setToolTip(path);
    item->setData(Qt::UserRole, path);
  }
  if (recent_->count() == 0) {
    auto* none = new QListWidgetItem(tr("Nothing opened yet."), recent_);
    none->setFlags(Qt::NoItemFlags);
  }
}

void StartPage::showRegistry() {
  QString shown = session_.registryUri();
  try {
    shown = QString::fromStdString(registry::RegistryUri::parse(shown.toStdString()).redacted());
  } catch (const std::exception&) {
    // shown as typed: the Registry page says what is wrong with it
  }
  registry_->setText(tr("In use: <tt>%1</tt>").arg(shown.toHtmlEscaped()));
}

QString StartPage::registryText() const { return registry_->text(); }

bool StartPage::useRegistry(const QString& uri) {
  const QString problem = RegistryLocation::use(session_, uri);
  registryProblem_->setText(problem);
  return problem.isEmpty();
}

}  // namespace foresight::ui
