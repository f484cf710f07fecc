// Asks for what the Power BI export needs (registered model, horizon,
// levels, run id, output file) and runs it in the background.
#pragma once

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include "ui/export/PowerBiExporter.h"

namespace foresight::ui {

class JobRunner;
class WorkbenchSession;

class PowerBiExportDialog : public QDialog {
  Q_OBJECT
 public:
  PowerBiExportDialog(WorkbenchSession& session, JobRunner& jobs, QWidget* parent = nullptr);
  PowerBiExportRequest request() const;
  void accept() override;

 private:
  WorkbenchSession& session_;
  JobRunner& jobs_;
  QComboBox* model_;
  QSpinBox* horizon_;
  QLineEdit* levels_;
  QLineEdit* runId_;
  QLineEdit* out_;
  QLabel* status_;
};

}  // namespace foresight::ui
