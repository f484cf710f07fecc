#include "ui/compare/PromoteDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace foresight::ui {

PromoteDialog::PromoteDialog(const QString& model, const QString& challengerSpec, std::optional<int> champion,
                             const PromotionDecision& decision, QWidget* parent)
    : QDialog(parent),
      override_(!decision.promote),
      message_(new QLabel(this)),
      reason_(new QPlainTextEdit(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(override_ ? tr("Override the promotion policy") : tr("Promote the challenger"));
  QString text = champion
                     ? tr("Fit %1 on the whole series, register it as a new version of %2 and make it the "
                          "champion, replacing version %3 (only if %3 is still the champion).")
                           .arg(challengerSpec, model)
                           .arg(*champion)
                     : tr("%1 has no champion yet: %2 will be fitted on the whole series, registered and "
                          "promoted as its first champion.")
                           .arg(model, challengerSpec);
  if (override_) {
    QStringList failed;
    for (const PolicyCheck& c : decision.checks)
      if (!c.passed) failed << QStringLiteral("✗ ") + QString::fromStdString(c.reason);
    text += QStringLiteral("\n\n") +
            tr("The promotion policy said KEEP the champion. Promoting anyway is an override: the registry's "
               "history records it as one, with your reason and the rules that failed:") +
            QStringLiteral("\n") + failed.join(QLatin1Char('\n'));
  }
  message_->setText(text);
  message_->setWordWrap(true);
  reason_->setPlaceholderText(override_ ? tr("Why override the policy? (required; kept in the registry's history)")
                                        : tr("Why? (required; kept in the registry's history)"));
  reason_->setTabChangesFocus(true);
  confirmButton()->setText(override_ ? tr("&Override and promote") : tr("&Promote"));
  confirmButton()->setEnabled(false);
  auto* reasonLabel = new QLabel(tr("&Reason"), this);
  reasonLabel->setBuddy(reason_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(message_);
  layout->addWidget(reasonLabel);
  layout->addWidget(reason_);
  layout->addWidget(buttons_);
  connect(reason_, &QPlainTextEdit::textChanged, this, [this] { confirmButton()->setEnabled(!reason().isEmpty()); });
  connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
    if (!reason().isEmpty()) accept();  // Enter with an empty reason does nothing
  });
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QPushButton* PromoteDialog::confirmButton() const { return buttons_->button(QDialogButtonBox::Ok); }
QString PromoteDialog::message() const { return message_->text(); }
QString PromoteDialog::reason() const { return reason_->toPlainText().trimmed(); }
void PromoteDialog::setReason(const QString& reason) { reason_->setPlainText(reason); }

}  // namespace foresight::ui
