#include "ui/compare/ComparePage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>  // std::max

#include "engine/common/Errors.h"
#include "engine/models/ModelArtifact.h"  // dataFingerprint
#include "ui/compare/CompareMetricsModel.h"
#include "ui/compare/PromoteDialog.h"
#include "ui/jobs/JobRunner.h"
#include "ui/models/BacktestSettingsWidget.h"
#include "ui/models/ParameterForm.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

ComparePage::ComparePage(WorkbenchSession& session, JobRunner& jobs, QWidget* parent)
    : QWidget(parent),
      session_(session),
      jobs_(jobs),
      model_(new QComboBox(this)),
      championLabel_(new QLabel(this)),
      challenger_(new QComboBox(this)),
      settings_(new BacktestSettingsWidget(this)),
      refreshButton_(new QPushButton(tr("Re&fresh"), this)),
      compareButton_(new QPushButton(tr("&Compare"), this)),
      cancelButton_(new QPushButton(tr("Cancel"), this)),
      promoteButton_(new QPushButton(tr("&Promote challenger…"), this)),
      progress_(new QProgressBar(this)),
      message_(new QLabel(this)),
      metrics_(new CompareMetricsModel(this)) {
  model_->setEditable(true);
  model_->setInsertPolicy(QComboBox::NoInsert);
  model_->setToolTip(tr("Registered model whose champion is compared; type a new name to register a first model"));
  challenger_->setEditable(true);
  challenger_->setInsertPolicy(QComboBox::NoInsert);
  challenger_->setToolTip(tr("A model spec, or an entry of the Models page's leaderboard (best first)"));
  championLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  settings_->foldsBox()->setValue(5);

  auto* form = new QFormLayout;
  form->addRow(tr("Registered &model"), model_);
  form->addRow(tr("Champion"), championLabel_);
  form->addRow(tr("C&hallenger"), challenger_);
  // Two rows, so the column stays narrow enough for the charts beside it.
  auto* buttons = new QGridLayout;
  buttons->addWidget(refreshButton_, 0, 0);
  buttons->addWidget(compareButton_, 0, 1);
  buttons->addWidget(cancelButton_, 1, 0);
  buttons->addWidget(promoteButton_, 1, 1);
  QWidget* results = buildResults();
  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->addLayout(form);
  leftLayout->addWidget(settings_);
  leftLayout->addLayout(buttons);
  leftLayout->addWidget(progress_);
  leftLayout->addWidget(message_);
  leftLayout->addWidget(words_, 1);
  auto* splitter = new QSplitter(this);
  splitter->addWidget(left);
  splitter->addWidget(results);
  splitter->setStretchFactor(1, 3);
  splitter->setSizes({1, 3});  // proportions: settings and verdicts, then the results
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(refreshButton_, &QPushButton::clicked, this, &ComparePage::refreshRegistry);
  connect(compareButton_, &QPushButton::clicked, this, &ComparePage::startCompare);
  connect(cancelButton_, &QPushButton::clicked, this, &ComparePage::cancel);
  connect(promoteButton_, &QPushButton::clicked, this, &ComparePage::requestPromotion);
  connect(model_, &QComboBox::activated, this, &ComparePage::refreshRegistry);
  connect(model_->lineEdit(), &QLineEdit::editingFinished, this, &ComparePage::refreshRegistry);
  connect(&session_, &WorkbenchSession::registryUriChanged, this, &ComparePage::refreshRegistry);
  // A promotion, rollback or alias change anywhere (another page, another
  // process through the RegistryWatcher) is read again at once.
  connect(&session_, &WorkbenchSession::registryChanged, this, &ComparePage::refreshRegistry);
  connect(&session_, &WorkbenchSession::seriesChanged, this, [this] {
    if (session_.hasSeries()) settings_->setFrequency(session_.currentSeries().frequency);
    checkStale();
  });
  if (session_.hasSeries()) settings_->setFrequency(session_.currentSeries().frequency);
  connect(model_, &QComboBox::editTextChanged, this, &ComparePage::checkStale);
  updateButtons();
}

ComparePage::~ComparePage() { cancel(); }

void ComparePage::setModelName(const QString& name) { model_->setEditText(name); }
QString ComparePage::modelName() const { return model_->currentText().trimmed(); }

void ComparePage::setChallengerSpecs(const QStringList& specs) {
  challenger_->clear();
  challenger_->addItems(specs);
  if (!specs.isEmpty()) challenger_->setCurrentIndex(0);
}

void ComparePage::setChallengerSpec(const QString& spec) { challenger_->setEditText(spec); }
QString ComparePage::challengerSpec() const { return challenger_->currentText().trimmed(); }

QString ComparePage::messageText() const { return message_->text(); }

void ComparePage::setMessage(const QString& text, bool problem) {
  message_->setText(text);
  message_->setStyleSheet(problem ? QStringLiteral("font-weight: bold;") : QString());
}

void ComparePage::updateButtons() {
  const bool busy = isBusy();
  refreshButton_->setEnabled(!busy);
  compareButton_->setEnabled(!busy);
  cancelButton_->setEnabled(busy);
  promoteButton_->setEnabled(!busy && outcome_ != nullptr && !isStale());
  // Against the policy's KEEP the button says what it does.
  promoteButton_->setText(promotionIsOverride() ? tr("&Override policy and promote…") : tr("&Promote challenger…"));
  promoteButton_->setToolTip(promotionIsOverride()
                                 ? tr("The policy said KEEP: promoting is an override, recorded as one with your "
                                      "reason and the rules that failed")
                                 : tr("Fit the challenger on the whole series, register it and make it the champion"));
}

void ComparePage::setStale(const QString& why) {
  staleReason_ = why;
  if (stale_) {
    stale_->setText(why.isEmpty() ? QString() : tr("⚠ Out of date: %1 Compare again for current results.").arg(why));
    stale_->setVisible(!why.isEmpty());
  }
  updateButtons();
}

void ComparePage::checkStale() {
  if (!outcome_) return;  // a marker set after a promotion stays until the next comparison
  const QString compared = QString::fromStdString(outcome_->champion.model);
  QString why;
  if (modelName() != compared)
    why = tr("these results compare with the champion of %1, but the model chosen now is %2.").arg(compared, modelName());
  else if (champion_.model == outcome_->champion.model && champion_.version != outcome_->champion.version)
    why = tr("these results compare with %1, but the champion of %2 is now %3.")
              .arg(outcome_->champion.version ? tr("version %1").arg(*outcome_->champion.version) : tr("no champion"),
                   compared,
                   champion_.version ? tr("version %1").arg(*champion_.version) : tr("none"));
  else if (!sessionStillHas(comparedSeries_, comparedFingerprint_))
    why = tr("the series %1 they were computed on is no longer in the session as it was.")
              .arg(QString::fromStdString(comparedSeries_.name));
  else if (session_.currentSeriesName() != comparedSelection_)
    why = tr("these results were computed with %1 selected, but the selected series is now %2.")
              .arg(comparedSelection_, session_.currentSeriesName());
  setStale(why);
}

bool ComparePage::sessionStillHas(const TimeSeries& series, const std::string& fingerprint) const {
  for (const TimeSeries& s : session_.panel().series)
    if (s.name == series.name && s.frequency == series.frequency && s.start == series.start &&
        s.values.size() == series.values.size() && dataFingerprint(s) == fingerprint)
      return true;
  return false;
}

QString ComparePage::championText() const { return championLabel_->text(); }

void ComparePage::showChampion() {
  if (modelName().isEmpty()) {
    championLabel_->setText(tr("choose or type a model name"));
    return;
  }
  if (!champion_.version || champion_.model != modelName().toStdString()) {
    championLabel_->setText(tr("none yet (the first promotion makes one)"));
    return;
  }
  QStringList series;
  for (const auto& s : champion_.series)
    if (!s.empty()) series << QString::fromStdString(s);
  QString text = tr("version %1: %2").arg(*champion_.version).arg(QString::fromStdString(champion_.spec));
  if (!series.isEmpty())
    text += QStringLiteral(" ") + tr("(fitted on %1)").arg(series.size() > 3 ? tr("%n series", nullptr, static_cast<int>(series.size()))
                                                                             : series.join(QStringLiteral(", ")));
  championLabel_->setText(text);
}

void ComparePage::cancel() {
  if (job_) job_->cancel();
}

void ComparePage::runJob(const QString& title, JobWork work, std::function<void(const JobOutcome&)> done) {
  progress_->setValue(0);
  job_ = jobs_.run(
      title, std::move(work),
      [this, done = std::move(done)](const JobOutcome& o) {
        job_ = nullptr;  // the runner deletes the job after this callback
        progress_->setValue(progress_->maximum());
        done(o);
        updateButtons();
      },
      this);
  connect(job_, &Job::progressChanged, this,
          [this](double f, const QString&) { progress_->setValue(static_cast<int>(f * progress_->maximum())); });
  updateButtons();
}

void ComparePage::refreshRegistry() {
  // Not the page's one job: a read may run beside a comparison or a
  // promotion (each reads what it needs itself); the newest read wins.
  const int generation = ++readGeneration_;
  const std::string uri = session_.registryUri().toStdString();
  const std::string name = modelName().toStdString();
  struct Read {
    std::vector<std::string> names;
    ChampionInfo champion;
  };
  auto read = std::make_shared<Read>();
  jobs_.run(
      tr("Reading the registry"),
      [uri, name, read](const ProgressSink&, const CancellationToken&) {
        read->names = CompareWork::listModels(uri);
        if (!name.empty()) read->champion = CompareWork::champion(uri, name);
      },
      [this, read, generation](const JobOutcome& o) {
        if (generation != readGeneration_) return;  // a newer read is on its way
        if (o.succeeded()) {
          const QString typed = model_->currentText();
          model_->blockSignals(true);
          model_->clear();
          for (const auto& n : read->names) model_->addItem(QString::fromStdString(n));
          model_->setEditText(typed);
          model_->blockSignals(false);
          champion_ = read->champion;
          showChampion();
          checkStale();
        } else {
          setMessage(tr("Cannot read the registry %1: %2").arg(session_.registryUri(), o.message), true);
        }
        Q_EMIT registryRefreshed();
      },
      this);
}

bool ComparePage::startCompare() {
  if (isBusy()) return false;
  QString problem;
  std::string spec;
  BacktestConfig config;
  if (!session_.hasSeries() || session_.currentSeries().empty()) problem = tr("Load data and select a series first.");
  else if (modelName().isEmpty()) problem = tr("Choose the registered model to compare with (or type a new name).");
  if (problem.isEmpty()) {
    try {
      spec = ParameterForm::canonicalSpec(challengerSpec()).toStdString();
      config = settings_->config();
    } catch (const std::exception& e) {
      problem = tr("Cannot compare: %1").arg(QString::fromUtf8(e.what()));
    }
  }
  if (!problem.isEmpty()) {
    setMessage(problem, true);
    return false;
  }
  const std::string uri = session_.registryUri().toStdString();
  const std::string name = modelName().toStdString();
  const Panel panel = session_.panel();
  const auto selected = static_cast<std::size_t>(
      std::max<qsizetype>(0, session_.seriesNames().indexOf(session_.currentSeriesName())));
  const QString selection = session_.currentSeriesName();
  const PromotionPolicy policy = policy_;
  auto result = std::make_shared<CompareOutcome>();
  auto series = std::make_shared<TimeSeries>();
  setMessage(tr("Comparing %1 with the champion of %2…").arg(QString::fromStdString(spec), modelName()), false);
  runJob(
      tr("Compare with the champion of %1").arg(modelName()),
      [=](const ProgressSink& progress, const CancellationToken& cancel) {
        // The champion is read in the same job, so the comparison and the
        // later compare-and-set both refer to the champion seen here.
        const ChampionInfo champion = CompareWork::champion(uri, name);
        *series = panel.series[CompareWork::pickSeries(panel, selected, champion)];
        *result = CompareWork::compare(*series, champion, spec, config, policy, progress, cancel);
        result->seriesName = series->name;
      },
      [this, result, series, selection](const JobOutcome& o) {
        if (o.succeeded()) {
          comparedSeries_ = *series;
          comparedFingerprint_ = dataFingerprint(*series);
          comparedSelection_ = selection;
          champion_ = result->champion;
          outcome_ = result;
          showChampion();
          showOutcome(result);
          const QString on = QString::fromStdString(result->seriesName);
          QString text = tr("Compared on %1 of %2 folds of %3.")
                             .arg(result->comparison.foldsCompared)
                             .arg(result->comparison.foldsTotal)
                             .arg(on);
          if (on != selection)
            text += QStringLiteral(" ") +
                    tr("That is the champion's own series; the selected series, %1, was not used.").arg(selection);
          setMessage(text, false);
        } else {
          setMessage(o.cancelled() ? tr("Comparison cancelled.") : tr("Comparison failed: %1").arg(o.message), true);
        }
        Q_EMIT comparisonFinished(o.succeeded());
      });
  return true;
}

}  // namespace foresight::ui
