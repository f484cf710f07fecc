#include "ui/export/PowerBiExportDialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <exception>
#include <memory>

#include "engine/common/Errors.h"
#include "engine/models/IntervalLevels.h"
#include "pipeline/RunId.h"
#include "registry/ModelRegistry.h"
#include "ui/format/NumberFormat.h"
#include "ui/jobs/JobRunner.h"
#include "ui/session/WorkbenchSession.h"
#include "ui/settings/WorkbenchSettings.h"

namespace foresight::ui {

PowerBiExportDialog::PowerBiExportDialog(WorkbenchSession& session, JobRunner& jobs, QWidget* parent)
    : QDialog(parent), session_(session), jobs_(jobs), model_(new QComboBox(this)), horizon_(new QSpinBox(this)),
      levels_(new QLineEdit(this)), runId_(new QLineEdit(this)), out_(new QLineEdit(this)), status_(new QLabel(this)),
      openFolder_(new QPushButton(tr("Open &folder"), this)) {
  setWindowTitle(tr("Export Power BI CSV"));
  // Named for tests and accessibility tools.
  model_->setObjectName(QStringLiteral("model"));
  horizon_->setObjectName(QStringLiteral("horizon"));
  levels_->setObjectName(QStringLiteral("levels"));
  runId_->setObjectName(QStringLiteral("runId"));
  out_->setObjectName(QStringLiteral("out"));
  status_->setObjectName(QStringLiteral("status"));
  openFolder_->setObjectName(QStringLiteral("openFolder"));
  auto* form = new QFormLayout(this);
  model_->setEditable(true);
  if (!session.modelReference().isEmpty()) model_->addItem(session.modelReference());
  try {
    registry::ModelRegistry reg(registry::RegistryUri::parse(session.registryUri().toStdString()));
    for (const auto& m : reg.list()) model_->addItem(QString::fromStdString(m.name) + QStringLiteral("@champion"));
  } catch (const std::exception& e) {
    status_->setText(QString::fromUtf8(e.what()));
  }
  model_->setToolTip(tr("NAME (its champion), NAME@ALIAS or NAME/VERSION"));
  horizon_->setRange(1, 10000);
  horizon_->setValue(session.settings().defaultHorizon());
  const QList<double> levels = session.settings().levels();
  levels_->setText(QString::fromStdString(IntervalLevels::format(std::vector<double>(levels.begin(), levels.end()))));
  runId_->setText(QString::fromStdString(pipeline::makeRunId()));
  runId_->setToolTip(tr("Written into every row so Power BI rows trace back to this export"));
  auto* outRow = new QHBoxLayout;
  outRow->addWidget(out_, 1);
  auto* browse = new QPushButton(tr("&Browse..."), this);
  outRow->addWidget(browse);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString f = QFileDialog::getSaveFileName(this, tr("Power BI CSV"), session_.settings().lastDirectory(),
                                                   tr("CSV (*.csv)"));
    if (!f.isEmpty()) out_->setText(f);
  });
  form->addRow(tr("&Model:"), model_);
  form->addRow(tr("&Horizon:"), horizon_);
  form->addRow(tr("&Levels:"), levels_);
  form->addRow(tr("&Run id:"), runId_);
  form->addRow(tr("&Output:"), outRow);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  form->addRow(status_);
  openFolder_->setVisible(false);
  openFolder_->setToolTip(tr("Show the folder of the written CSV in the file manager"));
  connect(openFolder_, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(writtenFolder_); });
  form->addRow(openFolder_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  okButton_ = buttons->button(QDialogButtonBox::Ok);
  cancelButton_ = buttons->button(QDialogButtonBox::Cancel);
  okButton_->setText(tr("&Export"));
  connect(buttons, &QDialogButtonBox::accepted, this, &PowerBiExportDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
}

PowerBiExportRequest PowerBiExportDialog::request() const {
  PowerBiExportRequest r;
  r.registryUri = session_.registryUri();
  r.reference = model_->currentText().trimmed();
  r.horizon = horizon_->value();
  r.levels.clear();
  try {
    for (const double v : IntervalLevels::parse(levels_->text().toStdString(), "levels")) r.levels << v;
  } catch (const InputError&) {
    r.levels.clear();  // accept() refuses the text, naming the bad item
  }
  r.runId = runId_->text().trimmed();
  r.outFile = out_->text().trimmed();
  return r;
}

void PowerBiExportDialog::accept() {
  const PowerBiExportRequest r = request();
  if (r.reference.isEmpty() || r.outFile.isEmpty()) {
    status_->setText(tr("Name a registered model and an output file."));
    return;
  }
  try {
    IntervalLevels::parse(levels_->text().toStdString(), "levels");
  } catch (const InputError& e) {
    status_->setText(tr("Levels: %1").arg(QString::fromStdString(e.problem())));
    return;
  }
  const Panel actuals = session_.panel();
  auto summary = std::make_shared<PowerBiExportSummary>();
  setEnabled(false);
  status_->setText(tr("Exporting..."));
  jobs_.run(
      tr("Export Power BI CSV"),
      [r, actuals, summary](const ProgressSink&, const CancellationToken& cancel) {
        *summary = PowerBiExporter::run(r, actuals, cancel);
      },
      [this, summary, r](const JobOutcome& outcome) {
        setEnabled(true);
        if (!outcome.succeeded()) {
          status_->setText(outcome.message);
          return;
        }
        const QFileInfo written(r.outFile);
        status_->setText(tr("Wrote %1 actual and %2 forecast rows of %3 v%4 to\n%5")
                             .arg(NumberFormat().integer(static_cast<long long>(summary->actualRows)))
                             .arg(NumberFormat().integer(static_cast<long long>(summary->forecastRows)))
                             .arg(summary->model)
                             .arg(summary->version)
                             .arg(QDir::toNativeSeparators(written.absoluteFilePath())));
        // Stay open on the result: where the file went and a way to get there.
        writtenFolder_ = QUrl::fromLocalFile(written.absolutePath());
        openFolder_->setVisible(true);
        cancelButton_->setText(tr("&Close"));
      },
      this);
}

}  // namespace foresight::ui
