// The Compare page's promotion: confirmation, then fit, push and the
// compare-and-set of the champion in the background; a conflict (someone
// else promoted first) is said plainly and the page re-reads the registry.
#include <QLabel>

#include "ui/compare/ComparePage.h"
#include "ui/compare/PromoteDialog.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

PromoteDialog* ComparePage::createPromoteDialog() {
  if (!outcome_) return nullptr;
  return new PromoteDialog(QString::fromStdString(outcome_->champion.model),
                           QString::fromStdString(outcome_->challengerSpec), outcome_->champion.version,
                           outcome_->decision.promote, this);
}

void ComparePage::requestPromotion() {
  PromoteDialog* dialog = createPromoteDialog();
  if (!dialog) return;
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] { promote(dialog->reason()); });
  dialog->open();  // window-modal, no nested event loop
}

bool ComparePage::promote(const QString& reason) {
  if (isBusy() || !outcome_) {
    setMessage(outcome_ ? tr("Wait for the running job to end.") : tr("Compare first, then promote."), true);
    return false;
  }
  const std::string uri = session_.registryUri().toStdString();
  const auto outcome = outcome_;
  const TimeSeries series = comparedSeries_;
  const std::string why = reason.toStdString();
  auto result = std::make_shared<PromoteOutcome>();
  setMessage(tr("Promoting %1…").arg(QString::fromStdString(outcome->challengerSpec)), false);
  runJob(
      tr("Promote into %1").arg(QString::fromStdString(outcome->champion.model)),
      [uri, outcome, series, why, result](const ProgressSink& progress, const CancellationToken& cancel) {
        progress(0.1, "fitting the challenger on the whole series");
        *result = CompareWork::promote(uri, series, *outcome, why, cancel);
      },
      [this, result, outcome](const JobOutcome& o) {
        const QString name = QString::fromStdString(outcome->champion.model);
        if (!o.succeeded()) {
          setMessage(o.cancelled() ? tr("Promotion cancelled; nothing was promoted.")
                                   : tr("Promotion failed: %1").arg(o.message),
                     true);
          Q_EMIT promotionFinished(false);
          return;
        }
        if (result->conflict) {
          setMessage(QString::fromStdString(result->message) +
                         tr(" The page now shows the current champion; compare again before promoting."),
                     true);
          outcome_.reset();
          Q_EMIT promotionFinished(false);
          refreshRegistry();
          return;
        }
        champion_ = ChampionInfo{outcome->champion.model, result->version, outcome->challengerSpec};
        championLabel_->setText(
            tr("version %1: %2").arg(result->version).arg(QString::fromStdString(outcome->challengerSpec)));
        setMessage(result->previous ? tr("%1 version %2 is now the champion (it replaced version %3).")
                                          .arg(name)
                                          .arg(result->version)
                                          .arg(*result->previous)
                                    : tr("%1 version %2 is now the champion: the first one.").arg(name).arg(result->version),
                   false);
        // The comparison was against the old champion; promoting it again makes no sense.
        outcome_.reset();
        Q_EMIT promoted(name, result->version);
        Q_EMIT promotionFinished(true);
      });
  return true;
}

}  // namespace foresight::ui
