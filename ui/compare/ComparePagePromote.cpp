// The Compare page's promotion: confirmation with a reason (an explicit
// override when the policy said KEEP), then fit, push and the
// compare-and-set of the champion in the background; a conflict (someone
// else promoted first) is said plainly and the page re-reads the registry.
// Success tells the session, so every page re-reads the registry.
#include <QLabel>

#include "ui/compare/ComparePage.h"
#include "ui/compare/PromoteDialog.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

PromoteDialog* ComparePage::createPromoteDialog() {
  if (!outcome_) return nullptr;
  return new PromoteDialog(QString::fromStdString(outcome_->champion.model),
                           QString::fromStdString(outcome_->challengerSpec), outcome_->champion.version,
                           outcome_->decision, this);
}

void ComparePage::requestPromotion() {
  PromoteDialog* dialog = createPromoteDialog();
  if (!dialog) return;
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] { promote(dialog->reason()); });
  dialog->open();  // window-modal, no nested event loop
}

bool ComparePage::promote(const QString& reason) {
  if (isBusy() || !outcome_ || isStale() || reason.trimmed().isEmpty()) {
    setMessage(!outcome_       ? tr("Compare first, then promote.")
               : isBusy()      ? tr("Wait for the running job to end.")
               : isStale()     ? tr("The results are out of date; compare again before promoting.")
               : promotionIsOverride()
                   ? tr("Overriding the policy's KEEP needs a reason for the registry's history; nothing was promoted.")
                   : tr("A promotion needs a reason for the registry's history; nothing was promoted."),
               true);
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
        champion_ = ChampionInfo{outcome->champion.model, result->version, outcome->challengerSpec,
                                 {outcome->seriesName}};
        showChampion();
        const QString replaced = result->previous ? tr("it replaced version %1").arg(*result->previous)
                                                  : tr("the first one");
        const QString how = result->override ? tr(", overriding the policy's KEEP") : QString();
        setMessage(tr("%1 version %2 is now the champion (%3%4).").arg(name).arg(result->version).arg(replaced, how),
                   false);
        // The decision shown was about the champion just replaced: say what
        // happened instead, so no KEEP stays on screen after a promotion.
        decision_->setText(tr("Promoted: %1 (%2) is version %3 of %4 and the champion now (%5%6).")
                               .arg(QString::fromStdString(outcome->challengerSpec),
                                    QString::fromStdString(outcome->seriesName))
                               .arg(result->version)
                               .arg(name, replaced, how));
        // The comparison was against the old champion; promoting it again makes no sense.
        outcome_.reset();
        setStale(result->previous ? tr("these results compared the challenger with version %1, which this "
                                       "promotion replaced.").arg(*result->previous)
                                  : tr("these results were computed before the first champion existed."));
        Q_EMIT promoted(name, result->version);
        Q_EMIT promotionFinished(true);
        session_.notifyRegistryChanged();
      });
  return true;
}

}  // namespace foresight::ui
