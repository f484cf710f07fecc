// Edits the workbench settings: registry URI, default horizon, levels.
#pragma once

#include <QDialog>
#include <QLineEdit>
#include <QSpinBox>

namespace foresight::ui {

class WorkbenchSettings;

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit SettingsDialog(WorkbenchSettings& settings, QWidget* parent = nullptr);
  void accept() override;
  QLineEdit* registryEdit() const { return registry_; }

 private:
  WorkbenchSettings& settings_;
  QLineEdit* registry_;
  QSpinBox* horizon_;
  QLineEdit* levels_;
};

}  // namespace foresight::ui
