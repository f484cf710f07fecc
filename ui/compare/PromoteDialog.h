// Confirms a promotion: says what will happen (replace champion version N,
// or become the first champion) and asks for the reason kept in the
// history. When the policy said KEEP it is an explicit override: it names
// the rules that failed, and its button says "Override". Either way the
// button stays disabled until a reason is given.
#pragma once

#include <QDialog>
#include <optional>

#include "engine/eval/PromotionDecision.h"

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace foresight::ui {

class PromoteDialog : public QDialog {
  Q_OBJECT
 public:
  PromoteDialog(const QString& model, const QString& challengerSpec, std::optional<int> champion,
                const PromotionDecision& decision, QWidget* parent = nullptr);

  bool isOverride() const { return override_; }
  QString message() const;
  QString reason() const;
  void setReason(const QString& reason);
  QPlainTextEdit* reasonEdit() const { return reason_; }
  QPushButton* confirmButton() const;

 private:
  bool override_;
  QLabel* message_;
  QPlainTextEdit* reason_;
  QDialogButtonBox* buttons_;
};

}  // namespace foresight::ui
