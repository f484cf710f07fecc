// Asks for what the Power BI export needs (registered model, horizon,
// levels, run id, output file) and runs it in the background. When it is
// done the dialog stays open on the written file's path with an "Open
// folder" button (the file manager, where Power BI users pick the file up).
#pragma once

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>

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
  // The folder of the last written file (empty before a successful export).
  QUrl writtenFolder() const { return writtenFolder_; }
  QPushButton* openFolderButton() const { return openFolder_; }

 private:
  WorkbenchSession& session_;
  JobRunner& jobs_;
  QComboBox* model_;
  QSpinBox* horizon_;
  QLineEdit* levels_;
  QLineEdit* runId_;
  QLineEdit* out_;
  QLabel* status_;
  QPushButton* openFolder_;
  QPushButton* okButton_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
  QUrl writtenFolder_;
};

}  // namespace foresight::ui
