// The Registry page's actions: alias, rollback, load into the session.
#include <QInputDialog>
#include <exception>

#include "registry/ModelRegistry.h"
#include "ui/registry/RegistryPage.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

bool RegistryPage::setAlias(const QString& alias, int version, const QString& reason) {
  const QString model = selectedModel();
  if (model.isEmpty() || version <= 0) {
    report(tr("Select a model and a version first."), true);
    return false;
  }
  try {
    registry::ModelRegistry reg(registry::RegistryUri::parse(session_.registryUri().toStdString()));
    reg.setAlias(model.toStdString(), alias.trimmed().toStdString(), version, reason.toStdString());
  } catch (const std::exception& e) {
    report(QString::fromUtf8(e.what()), true);
    return false;
  }
  refresh();
  report(tr("%1@%2 now points at version %3.").arg(model, alias.trimmed()).arg(version), false);
  return true;
}

bool RegistryPage::rollback(const QString& reason) {
  const QString model = selectedModel();
  if (model.isEmpty()) {
    report(tr("Select a model first."), true);
    return false;
  }
  registry::RollbackResult r;
  try {
    registry::ModelRegistry reg(registry::RegistryUri::parse(session_.registryUri().toStdString()));
    r = reg.rollback(model.toStdString(), reason.toStdString());
  } catch (const std::exception& e) {
    report(QString::fromUtf8(e.what()), true);
    return false;
  }
  refresh();
  report(tr("Champion of %1 rolled back from version %2 to %3.").arg(model).arg(r.from).arg(r.to), false);
  return true;
}

bool RegistryPage::loadSelectedIntoSession() {
  const QString model = selectedModel();
  const int version = selectedVersion();
  if (model.isEmpty() || version <= 0) {
    report(tr("Select a model and a version first."), true);
    return false;
  }
  try {
    registry::ModelRegistry reg(registry::RegistryUri::parse(session_.registryUri().toStdString()));
    const auto ref = registry::ModelReference::atVersion(model.toStdString(), version);
    registry::PulledArtifact pulled = reg.pull(ref);
    session_.setModel(QString::fromStdString(ref.toString()), std::move(pulled.bytes));
  } catch (const std::exception& e) {
    report(QString::fromUtf8(e.what()), true);
    return false;
  }
  report(tr("Loaded %1/%2 into the session (SHA-256 verified).").arg(model).arg(version), false);
  return true;
}

void RegistryPage::askAlias() {
  if (selectedVersion() <= 0) {
    report(tr("Select a model and a version first."), true);
    return;
  }
  bool ok = false;
  const QString alias = QInputDialog::getItem(this, tr("Set alias"),
                                              tr("Alias for version %1 (champion moves only by promote or rollback):")
                                                  .arg(selectedVersion()),
                                              {QStringLiteral("challenger"), QStringLiteral("staging")}, 0, true, &ok);
  if (!ok || alias.trimmed().isEmpty()) return;
  const QString reason = QInputDialog::getText(this, tr("Set alias"), tr("Reason (recorded in the history):"),
                                               QLineEdit::Normal, QString(), &ok);
  if (ok) setAlias(alias, selectedVersion(), reason);
}

void RegistryPage::askRollback() {
  if (selectedModel().isEmpty()) return;
  bool ok = false;
  const QString reason = QInputDialog::getText(
      this, tr("Roll back champion"),
      tr("Move the champion of %1 back to the version it replaced.\nReason (recorded in the history):")
          .arg(selectedModel()),
      QLineEdit::Normal, QString(), &ok);
  if (ok) rollback(reason);
}

}  // namespace foresight::ui
