// Confirms a promotion: says what will happen (replace champion version N,
// or become the first champion) and asks for the reason kept in the history.
#pragma once

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace foresight::ui {

class PromoteDialog : public QDialog {
  Q_OBJECT
 public:
  // `policyAgrees` false adds a warning that the policy advised keeping the champion.
  PromoteDialog(const QString& model, const QString& challengerSpec, std::optional<int> champion,
                bool policyAgrees, QWidget* parent = nullptr);

  QString message() const;
  QString reason() const;
  void setReason(const QString& reason);
  QPlainTextEdit* reasonEdit() const { return reason_; }

 private:
  QLabel* message_;
  QPlainTextEdit* reason_;
  QDialogButtonBox* buttons_;
};

}  // namespace foresight::ui
