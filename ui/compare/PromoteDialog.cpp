#include "ui/compare/PromoteDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace foresight::ui {

PromoteDialog::PromoteDialog(const QString& model, const QString& challengerSpec, std::optional<int> champion,
                             bool policyAgrees, QWidget* parent)
    : QDialog(parent),
      message_(new QLabel(this)),
      reason_(new QPlainTextEdit(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("Promote the challenger"));
  QString text = champion
                     ? tr("Fit %1 on the whole series, register it as a new version of %2 and make it the "
                          "champion, replacing version %3 (only if %3 is still the champion).")
                           .arg(challengerSpec, model)
                           .arg(*champion)
                     : tr("%1 has no champion yet: %2 will be fitted on the whole series, registered and "
                          "promoted as its first champion.")
                           .arg(model, challengerSpec);
  if (!policyAgrees) text += QStringLiteral("\n\n") + tr("Note: the promotion policy advised keeping the champion.");
  message_->setText(text);
  message_->setWordWrap(true);
  reason_->setPlaceholderText(tr("Why? (kept in the registry's history)"));
  reason_->setTabChangesFocus(true);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Promote"));
  auto* reasonLabel = new QLabel(tr("&Reason"), this);
  reasonLabel->setBuddy(reason_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(message_);
  layout->addWidget(reasonLabel);
  layout->addWidget(reason_);
  layout->addWidget(buttons_);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PromoteDialog::message() const { return message_->text(); }
QString PromoteDialog::reason() const { return reason_->toPlainText().trimmed(); }
void PromoteDialog::setReason(const QString& reason) { reason_->setPlainText(reason); }

}  // namespace foresight::ui
