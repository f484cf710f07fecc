#include "ui/registry/RegistryLocation.h"

#include <QFileDialog>
#include <QFileInfo>
#include <exception>

#include "registry/RegistryUri.h"
#include "ui/registry/PostgresDialog.h"
#include "ui/session/WorkbenchSession.h"
#include "ui/settings/WorkbenchSettings.h"

namespace foresight::ui {

QString RegistryLocation::sqliteUri(const QString& file) {
  QString path = QFileInfo(file).absoluteFilePath();
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".db");
  return QStringLiteral("sqlite://") + path;
}

QString RegistryLocation::askSqlite(QWidget* parent, const QString& startDir) {
  // A save dialog that does not warn about an existing file: picking one
  // opens it, naming a new one creates it on first use.
  const QString file = QFileDialog::getSaveFileName(
      parent, QObject::tr("Open or create an SQLite registry"), startDir,
      QObject::tr("SQLite registry (*.db *.sqlite);;All files (*)"), nullptr, QFileDialog::DontConfirmOverwrite);
  return file.isEmpty() ? QString() : sqliteUri(file);
}

QString RegistryLocation::askPostgres(QWidget* parent, JobRunner& jobs, const QString& current) {
  PostgresDialog dialog(jobs, parent);
  dialog.setUri(current);
  return dialog.exec() == QDialog::Accepted ? dialog.uri() : QString();
}

QString RegistryLocation::use(WorkbenchSession& session, const QString& uri) {
  try {
    registry::RegistryUri::parse(uri.toStdString());
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
  session.settings().setRegistryUri(uri);
  session.setRegistryUri(uri);
  return {};
}

}  // namespace foresight::ui
