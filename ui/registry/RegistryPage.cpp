#include "ui/registry/RegistryPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/jobs/JobRunner.h"
#include "ui/registry/VersionDetails.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

RegistryPage::RegistryPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent)
    : QWidget(parent),
      session_(session),
      jobs_(jobs),
      uriLabel_(new QLabel(this)),
      modelsView_(new QListView(this)),
      versionsView_(new QTableView(this)),
      historyView_(new QTableView(this)),
      details_(new QTextBrowser(this)),
      message_(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  auto* top = new QHBoxLayout;
  uriLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // A long URI (a deep folder, a PostgreSQL URI with options) must not make
  // the window wider than the screen: the label takes the width there is and
  // its tooltip holds the whole URI.
  uriLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  top->addWidget(uriLabel_, 1);
  auto* sqliteButton = new QPushButton(tr("&Open or create SQLite…"), this);
  sqliteButton->setToolTip(tr("Use a registry file (an existing one, or a new one created on first use)"));
  auto* postgresButton = new QPushButton(tr("Connect to &PostgreSQL…"), this);
  postgresButton->setToolTip(tr("Use a team registry in a PostgreSQL database (with a connection test)"));
  top->addWidget(sqliteButton);
  top->addWidget(postgresButton);
  auto* refreshButton = new QPushButton(tr("&Refresh"), this);
  refreshButton->setShortcut(QKeySequence::Refresh);
  refreshButton->setToolTip(tr("Read the registry again (F5)"));
  top->addWidget(refreshButton);
  layout->addLayout(top);

  auto* split = new QSplitter(Qt::Horizontal, this);
  modelsView_->setModel(&models_);
  modelsView_->setToolTip(tr("Registered models; the champion is the version production serves"));
  split->addWidget(modelsView_);
  auto* right = new QSplitter(Qt::Vertical, split);
  versionsView_->setModel(&versions_);
  versionsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  versionsView_->setSelectionMode(QAbstractItemView::SingleSelection);
  versionsView_->verticalHeader()->setVisible(false);
  versionsView_->horizontalHeader()->setStretchLastSection(true);
  right->addWidget(versionsView_);
  auto* tabs = new QTabWidget(right);
  tabs->addTab(details_, tr("&Details"));
  historyView_->setModel(&history_);
  historyView_->verticalHeader()->setVisible(false);
  historyView_->horizontalHeader()->setStretchLastSection(true);
  tabs->addTab(historyView_, tr("&History"));
  right->addWidget(tabs);
  split->addWidget(right);
  split->setStretchFactor(1, 1);
  split->setSizes({260, 900});
  layout->addWidget(split, 1);

  auto* buttons = new QHBoxLayout;
  auto* alias = new QPushButton(tr("Set &alias..."), this);
  alias->setToolTip(tr("Point an alias (challenger, staging, ...) at the selected version"));
  auto* rollbackButton = new QPushButton(tr("Roll &back champion..."), this);
  rollbackButton->setToolTip(tr("Move the champion back to the version it replaced, per the history"));
  auto* load = new QPushButton(tr("&Load into session"), this);
  load->setToolTip(tr("Pull the selected version (hash verified) into the session, e.g. for the Power BI export"));
  buttons->addWidget(alias);
  buttons->addWidget(rollbackButton);
  buttons->addWidget(load);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  message_->setWordWrap(true);
  layout->addWidget(message_);

  connect(refreshButton, &QPushButton::clicked, this, [this] { refresh(); });
  connect(alias, &QPushButton::clicked, this, &RegistryPage::askAlias);
  connect(rollbackButton, &QPushButton::clicked, this, &RegistryPage::askRollback);
  connect(load, &QPushButton::clicked, this, &RegistryPage::loadSelectedIntoSession);
  connect(modelsView_->selectionModel(), &QItemSelectionModel::currentChanged, this, &RegistryPage::showModel);
  connect(versionsView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RegistryPage::showVersion);
  connect(&session_, &WorkbenchSession::registryUriChanged, this, [this] { refresh(); });
  connect(&session_, &WorkbenchSession::registryChanged, this, [this] {
    if (!announcing_) refresh();
  });
  connect(sqliteButton, &QPushButton::clicked, this, &RegistryPage::askSqlite);
  connect(postgresButton, &QPushButton::clicked, this, &RegistryPage::askPostgres);
}

QString RegistryPage::selectedModel() const {
  return modelsView_->currentIndex().isValid() ? modelsView_->currentIndex().data(Qt::UserRole).toString() : QString();
}

int RegistryPage::selectedVersion() const {
  const registry::VersionRecord* v = versions_.versionAt(versionsView_->currentIndex().row());
  return v ? v->version : 0;
}

void RegistryPage::selectModel(const QString& name) {
  const int row = models_.rowOf(name);
  if (row >= 0) modelsView_->setCurrentIndex(models_.index(row));
}

void RegistryPage::selectVersion(int version) {
  const int row = versions_.rowOfVersion(version);
  if (row >= 0) versionsView_->setCurrentIndex(versions_.index(row, 0));
}

void RegistryPage::refresh(const QString& model) {
  const QString wanted = model.isEmpty() ? selectedModel() : model;
  uriLabel_->setText(tr("<b>Registry:</b> %1").arg(session_.registryUri().toHtmlEscaped()));
  uriLabel_->setToolTip(session_.registryUri());
  runRead(tr("Reading the registry"), {}, wanted.toStdString(), model.isEmpty() ? selectedVersion() : 0,
          [this](bool ok, const QString& error, bool current) {
            if (!current) return;
            if (ok) message_->clear();
            else report(error, true);
            Q_EMIT refreshed(ok);
          });
}

void RegistryPage::showModel() {
  if (applying_) return;
  const QString name = selectedModel();
  if (name.isEmpty()) return;
  runRead(tr("Reading %1").arg(name), {}, name.toStdString(), 0, [this](bool ok, const QString& error, bool current) {
    if (!current) return;
    if (!ok) report(error, true);
    Q_EMIT refreshed(ok);
  });
}

void RegistryPage::runRead(const QString& title, std::function<void(const std::string& uri)> change,
                           const std::string& model, int version,
                           ReadDone done) {
  const int generation = ++generation_;
  const std::string uri = session_.registryUri().toStdString();
  auto snapshot = std::make_shared<RegistrySnapshot>();
  jobs_.run(
      title,
      [uri, model, change, snapshot](const ProgressSink&, const CancellationToken& cancel) {
        if (change) change(uri);
        cancel.throwIfCancelled();
        *snapshot = RegistrySnapshot::read(uri, model);
      },
      [this, generation, snapshot, version, done, isRead = !change](const JobOutcome& outcome) {
        const bool current = generation == generation_;
        if (current) {
          if (outcome.succeeded()) {
            apply(*snapshot, version);
          } else if (isRead) {
            applying_ = true;
            shown_ = {};
            models_.setModels({});
            versions_.setVersions({});
            history_.setEvents({});
            details_->clear();
            applying_ = false;
          }
        }
        done(outcome.succeeded(), outcome.message, current);
      },
      this);
}

void RegistryPage::apply(const RegistrySnapshot& s, int version) {
  applying_ = true;
  shown_ = s;
  uriLabel_->setText(tr("<b>Registry:</b> %1").arg(QString::fromStdString(s.uri).toHtmlEscaped()));
  uriLabel_->setToolTip(QString::fromStdString(s.uri));
  models_.setModels(s.models);
  selectModel(QString::fromStdString(s.model));
  versions_.setVersions(s.versions);
  history_.setEvents(s.history);
  details_->clear();
  versionsView_->resizeColumnsToContents();
  historyView_->resizeColumnsToContents();
  applying_ = false;
  if (versions_.rowCount() > 0) versionsView_->setCurrentIndex(versions_.index(0, 0));
  if (version > 0) selectVersion(version);
}

void RegistryPage::showVersion() {
  const registry::VersionRecord* v = versions_.versionAt(versionsView_->currentIndex().row());
  details_->setHtml(v ? VersionDetails::html(*v) : QString());
}

void RegistryPage::report(const QString& text, bool error) {
  message_->setText(text);
  QPalette p = message_->palette();
  p.setColor(QPalette::WindowText, error ? QColor(Qt::red) : palette().color(QPalette::WindowText));
  message_->setPalette(p);
}

}  // namespace foresight::ui
