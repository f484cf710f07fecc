// The Models page and the session: the candidate list and the backtest
// settings are the session's (saved in the workspace), new data starts with
// the recommended candidates for its frequency, periods carry its unit.
#include "engine/common/Errors.h"
#include "ui/models/BacktestSettingsWidget.h"
#include "ui/models/ModelsPage.h"
#include "ui/models/RecommendedCandidates.h"
#include "ui/models/SpecPicker.h"
#include "ui/session/WorkbenchSession.h"

#include <QLabel>

namespace foresight::ui {

void ModelsPage::followSession() {
  connect(picker_, &SpecPicker::specsChanged, this, [this] {
    if (!following_) session_.setCandidateSpecs(picker_->specs());
  });
  connect(settings_, &BacktestSettingsWidget::changed, this, [this] {
    if (!following_) session_.setBacktestSettings(settings_->state());
  });
  connect(&session_, &WorkbenchSession::candidatesChanged, this, &ModelsPage::followCandidates);
  connect(&session_, &WorkbenchSession::backtestSettingsChanged, this, &ModelsPage::followSettings);
  connect(&session_, &WorkbenchSession::panelChanged, this, &ModelsPage::recommendForData);
  connect(&session_, &WorkbenchSession::seriesChanged, this, [this] {
    if (session_.hasSeries()) settings_->setFrequency(session_.currentSeries().frequency);
  });
  // A session that already holds state (a page made after loading).
  if (!session_.candidateSpecs().isEmpty()) followCandidates();
  else recommendForData();
  if (!session_.backtestSettings().isEmpty()) followSettings();
  else session_.setBacktestSettings(settings_->state());
  if (session_.hasSeries()) settings_->setFrequency(session_.currentSeries().frequency);
}

void ModelsPage::followCandidates() {
  if (session_.candidateSpecs() == picker_->specs()) return;
  following_ = true;
  try {
    picker_->setSpecs(session_.candidateSpecs());
  } catch (const InputError& e) {
    status_->setText(tr("A saved candidate is not a valid spec: %1").arg(QString::fromUtf8(e.what())));
  }
  following_ = false;
}

void ModelsPage::followSettings() {
  following_ = true;
  try {
    settings_->setState(session_.backtestSettings());
  } catch (const InputError& e) {
    status_->setText(tr("A saved backtest setting is invalid: %1").arg(QString::fromUtf8(e.what())));
  }
  following_ = false;
}

void ModelsPage::recommendForData() {
  if (!session_.hasSeries()) return;
  // The user's own list stays; an empty or untouched recommended one follows the data.
  const QStringList current = picker_->specs();
  if (!current.isEmpty() && current != recommended_) return;
  recommended_ = RecommendedCandidates::forFrequency(session_.currentSeries().frequency);
  picker_->setSpecs(recommended_);  // specsChanged puts them into the session
}

}  // namespace foresight::ui
