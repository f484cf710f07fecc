#include "ui/models/ModelsPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "engine/common/Errors.h"
#include "ui/jobs/JobRunner.h"
#include "ui/models/BacktestSettingsWidget.h"
#include "ui/models/FoldDetailsModel.h"
#include "ui/models/LeaderboardModel.h"
#include "ui/models/SpecPicker.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

ModelsPage::ModelsPage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent)
    : QWidget(parent),
      session_(session),
      jobs_(jobs),
      picker_(new SpecPicker(this)),
      settings_(new BacktestSettingsWidget(this)),
      runButton_(new QPushButton(tr("&Run backtest"), this)),
      cancelButton_(new QPushButton(tr("&Cancel"), this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      leaderboard_(new LeaderboardModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      folds_(new FoldDetailsModel(this)) {
  proxy_->setSourceModel(leaderboard_);
  proxy_->setSortRole(LeaderboardModel::kSortRole);
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  cancelButton_->setEnabled(false);
  runButton_->setToolTip(tr("Backtest every listed model on the selected series (in the background)"));
  cancelButton_->setToolTip(tr("Stop the running backtest"));

  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->addWidget(picker_, 1);
  leftLayout->addWidget(settings_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(runButton_);
  buttons->addWidget(cancelButton_);
  leftLayout->addLayout(buttons);
  leftLayout->addWidget(progress_);
  leftLayout->addWidget(status_);

  auto* splitter = new QSplitter(this);
  splitter->addWidget(left);
  splitter->addWidget(buildResultsTabs());
  splitter->setStretchFactor(1, 3);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(runButton_, &QPushButton::clicked, this, &ModelsPage::startBacktest);
  connect(cancelButton_, &QPushButton::clicked, this, &ModelsPage::cancelBacktest);
  connect(settings_, &BacktestSettingsWidget::metricChanged, this, [this] {
    try {
      leaderboard_->setRankingMetric(settings_->metric());
    } catch (const InputError& e) {
      status_->setText(QString::fromStdString(e.what()));
    }
  });
  // Results describe the series they were computed on; a new selection
  // makes them stale.
  connect(&session_, &WorkbenchSession::seriesChanged, this, [this] {
    cancelBacktest();
    clearResults();
  });
  followSession();
}

ModelsPage::~ModelsPage() { cancelBacktest(); }

void ModelsPage::setSpecs(const QStringList& specs) { picker_->setSpecs(specs); }
QStringList ModelsPage::specs() const { return picker_->specs(); }
QString ModelsPage::statusText() const { return status_->text(); }

void ModelsPage::setRunning(bool running) {
  runButton_->setEnabled(!running);
  cancelButton_->setEnabled(running);
  if (running) progress_->setValue(0);
}

bool ModelsPage::startBacktest() {
  if (isRunning()) return false;
  if (!session_.hasSeries() || session_.currentSeries().empty()) {
    status_->setText(tr("Load data and select a series first (Data page)."));
    return false;
  }
  if (picker_->specs().isEmpty()) {
    status_->setText(tr("Add at least one model to backtest."));
    return false;
  }
  BacktestConfig config;
  try {
    config = settings_->config();
    settings_->metric();
  } catch (const std::exception& e) {
    status_->setText(tr("Cannot start: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
  std::vector<std::string> specs;
  for (const QString& s : picker_->specs()) specs.push_back(s.toStdString());
  const TimeSeries series = session_.currentSeries();
  auto result = std::make_shared<ModelsRun>();
  const JobWork work = [series, specs, config, result](const ProgressSink& progress, const CancellationToken& cancel) {
    *result = ModelsRun::compute(series, specs, config, progress, cancel);
  };
  const JobDone done = [this, result](const JobOutcome& outcome) {
    job_ = nullptr;  // the runner deletes the job after this callback
    setRunning(false);
    if (outcome.succeeded()) {
      applyRun(result);
      progress_->setValue(progress_->maximum());
    } else {
      status_->setText(outcome.cancelled() ? tr("Backtest cancelled.") : tr("Backtest failed: %1").arg(outcome.message));
    }
    Q_EMIT backtestFinished(outcome.succeeded());
  };
  status_->setText(tr("Backtesting %n model(s) on %1…", nullptr, static_cast<int>(specs.size()))
                       .arg(QString::fromStdString(series.name)));
  setRunning(true);
  job_ = jobs_.run(tr("Backtest on %1").arg(QString::fromStdString(series.name)), work, done, this);
  connect(job_, &Job::progressChanged, this, [this](double fraction, const QString& step) {
    progress_->setValue(static_cast<int>(fraction * progress_->maximum()));
    progress_->setToolTip(step);
  });
  Q_EMIT backtestStarted();
  return true;
}

void ModelsPage::cancelBacktest() {
  if (job_) job_->cancel();
}

void ModelsPage::clearResults() { applyRun(nullptr); }

QString ModelsPage::bestSpec() const {
  const auto& entries = leaderboard_->leaderboard().entries();
  if (!run_ || entries.empty() || entries.front().value.count == 0) return {};
  return QString::fromStdString(entries.front().spec);
}

QStringList ModelsPage::rankedSpecs() const {
  QStringList out;
  if (!run_) return out;
  for (const auto& e : leaderboard_->leaderboard().entries()) out << QString::fromStdString(e.spec);
  return out;
}

}  // namespace foresight::ui
