// The Registry page's actions: alias, rollback, load into the session, and
// choosing the registry. Successful changes are announced to the session.
#include <QInputDialog>
#include <memory>
#include <string>

#include "registry/ModelRegistry.h"
#include "ui/registry/RegistryLocation.h"
#include "ui/registry/RegistryPage.h"
#include "ui/settings/WorkbenchSettings.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

bool RegistryPage::setAlias(const QString& alias, int version, const QString& reason) {
  const QString model = selectedModel();
  if (model.isEmpty() || version <= 0) {
    report(tr("Select a model and a version first."), true);
    Q_EMIT actionFinished(false);
    return false;
  }
  const std::string name = model.toStdString(), a = alias.trimmed().toStdString(), why = reason.toStdString();
  runRead(
      tr("Set alias %1").arg(alias.trimmed()),
      [name, a, version, why](const std::string& uri) {
        registry::ModelRegistry(registry::RegistryUri::parse(uri)).setAlias(name, a, version, why);
      },
      name, version,
      [this, model, alias, version](bool ok, const QString& error, bool) {
        report(ok ? tr("%1@%2 now points at version %3.").arg(model, alias.trimmed()).arg(version) : error, !ok);
        if (ok) announce();
        Q_EMIT actionFinished(ok);
      });
  return true;
}

bool RegistryPage::rollback(const QString& reason) {
  const QString model = selectedModel();
  if (model.isEmpty()) {
    report(tr("Select a model first."), true);
    Q_EMIT actionFinished(false);
    return false;
  }
  const std::string name = model.toStdString(), why = reason.toStdString();
  auto result = std::make_shared<registry::RollbackResult>();
  runRead(
      tr("Roll back %1").arg(model),
      [name, why, result](const std::string& uri) {
        *result = registry::ModelRegistry(registry::RegistryUri::parse(uri)).rollback(name, why);
      },
      name, 0,
      [this, model, result](bool ok, const QString& error, bool) {
        report(ok ? tr("Champion of %1 rolled back from version %2 to %3.").arg(model).arg(result->from).arg(result->to)
                  : error,
               !ok);
        if (ok) announce();
        Q_EMIT actionFinished(ok);
      });
  return true;
}

bool RegistryPage::loadSelectedIntoSession() {
  const QString model = selectedModel();
  const int version = selectedVersion();
  if (model.isEmpty() || version <= 0) {
    report(tr("Select a model and a version first."), true);
    Q_EMIT actionFinished(false);
    return false;
  }
  const auto ref = registry::ModelReference::atVersion(model.toStdString(), version);
  auto bytes = std::make_shared<std::string>();
  runRead(
      tr("Pull %1").arg(QString::fromStdString(ref.toString())),
      [ref, bytes](const std::string& uri) {
        *bytes = registry::ModelRegistry(registry::RegistryUri::parse(uri)).pull(ref).bytes;
      },
      ref.name, version,
      [this, ref, bytes, model, version](bool ok, const QString& error, bool) {
        if (ok) session_.setModel(QString::fromStdString(ref.toString()), std::move(*bytes));
        report(ok ? tr("Loaded %1/%2 into the session (SHA-256 verified).").arg(model).arg(version) : error, !ok);
        Q_EMIT actionFinished(ok);
      });
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

void RegistryPage::announce() {
  // The page has read the registry already; the others follow the session.
  announcing_ = true;
  session_.notifyRegistryChanged();
  announcing_ = false;
}

std::optional<int> RegistryPage::selectedChampion() const {
  for (const auto& m : shown_.models)
    if (m.name == shown_.model) {
      const auto it = m.aliases.find(registry::kChampion);
      if (it != m.aliases.end()) return it->second;
    }
  return std::nullopt;
}

std::optional<int> RegistryPage::rollbackTarget() const {
  const auto champion = selectedChampion();
  return champion ? registry::ModelRegistry::rollbackTarget(shown_.history, *champion) : std::nullopt;
}

QString RegistryPage::rollbackQuestion() const {
  const QString model = QString::fromStdString(shown_.model);
  const auto champion = selectedChampion();
  const auto target = rollbackTarget();
  if (!champion) return tr("%1 has no champion to roll back.").arg(model);
  if (!target)
    return tr("The history of %1 holds no earlier champion to go back to from version %2; promote a version "
              "explicitly.")
        .arg(model)
        .arg(*champion);
  return tr("Move the champion of %1 from version %2 back to version %3, the champion it replaced.")
      .arg(model)
      .arg(*champion)
      .arg(*target);
}

void RegistryPage::askRollback() {
  if (selectedModel().isEmpty()) return;
  if (!rollbackTarget()) {
    report(rollbackQuestion(), true);
    return;
  }
  bool ok = false;
  const QString reason = QInputDialog::getText(
      this, tr("Roll back the champion of %1").arg(selectedModel()),
      rollbackQuestion() + QStringLiteral("\n") + tr("Reason (recorded in the history):"), QLineEdit::Normal,
      QString(), &ok);
  if (ok) rollback(reason);
}

bool RegistryPage::useRegistry(const QString& uri) {
  const QString problem = RegistryLocation::use(session_, uri);
  if (!problem.isEmpty()) report(problem, true);
  return problem.isEmpty();
}

void RegistryPage::askSqlite() {
  const QString uri = RegistryLocation::askSqlite(this, session_.settings().lastDirectory());
  if (!uri.isEmpty()) useRegistry(uri);
}

void RegistryPage::askPostgres() {
  const QString uri = RegistryLocation::askPostgres(this, jobs_, session_.registryUri());
  if (!uri.isEmpty()) useRegistry(uri);
}

}  // namespace foresight::ui
