#include "ui/settings/SettingsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QMessageBox>
#include <algorithm>  // std::clamp
#include <exception>

#include "engine/common/Errors.h"
#include "engine/models/IntervalLevels.h"
#include "registry/RegistryUri.h"
#include "ui/settings/WorkbenchSettings.h"

namespace foresight::ui {

SettingsDialog::SettingsDialog(WorkbenchSettings& settings, QWidget* parent)
    : QDialog(parent), settings_(settings), registry_(new QLineEdit(this)), horizon_(new QSpinBox(this)),
      levels_(new QLineEdit(this)) {
  setWindowTitle(tr("Settings"));
  auto* form = new QFormLayout(this);
  // The fields grow with the dialog, and the dialog starts wide enough for
  // the whole registry URI (a long default path must not be cut off).
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  registry_->setText(settings.registryUri());
  const QFontMetrics metrics = registry_->fontMetrics();
  const int x = metrics.horizontalAdvance(QLatin1Char('x'));
  registry_->setMinimumWidth(
      std::clamp(metrics.horizontalAdvance(registry_->text()) + 4 * metrics.averageCharWidth(), 40 * x, 100 * x));
  registry_->setCursorPosition(0);
  registry_->setToolTip(tr("sqlite:///abs/path.db or postgresql://user@host:port/db"));
  horizon_->setRange(1, 10000);
  horizon_->setValue(settings.defaultHorizon());
  horizon_->setToolTip(tr("Periods ahead that backtests and exports forecast unless told otherwise"));
  const QList<double> levels = settings.levels();
  levels_->setText(QString::fromStdString(IntervalLevels::format(std::vector<double>(levels.begin(), levels.end()))));
  levels_->setToolTip(tr("Prediction interval levels in percent, comma separated (e.g. 80,95)"));
  form->addRow(tr("&Registry URI:"), registry_);
  form->addRow(tr("Default &horizon:"), horizon_);
  form->addRow(tr("Interval &levels:"), levels_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
}

void SettingsDialog::accept() {
  QList<double> levels;
  try {
    for (const double v : IntervalLevels::parse(levels_->text().toStdString(), "levels")) levels << v;
  } catch (const InputError& e) {
    QMessageBox::warning(this, tr("Settings"), tr("Interval levels: %1").arg(QString::fromStdString(e.problem())));
    return;
  }
  try {
    registry::RegistryUri::parse(registry_->text().trimmed().toStdString());
  } catch (const std::exception& e) {
    QMessageBox::warning(this, tr("Settings"), QString::fromUtf8(e.what()));
    return;
  }
  settings_.setRegistryUri(registry_->text().trimmed());
  settings_.setDefaultHorizon(horizon_->value());
  if (!levels.isEmpty()) settings_.setLevels(levels);
  QDialog::accept();
}

}  // namespace foresight::ui
