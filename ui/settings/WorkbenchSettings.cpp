#include "ui/settings/WorkbenchSettings.h"

#include <QDir>
#include <QFileInfo>
#include <exception>

#include "engine/common/Errors.h"
#include "engine/models/IntervalLevels.h"
#include "registry/RegistryUri.h"

namespace foresight::ui {

namespace {
const QString kRegistry = QStringLiteral("registry/uri");
const QString kHorizon = QStringLiteral("forecast/horizon");
const QString kLevels = QStringLiteral("forecast/levels");
const QString kRecent = QStringLiteral("files/recent");
const QString kLastDir = QStringLiteral("files/lastDirectory");
const QString kGeometry = QStringLiteral("window/geometry");
}  // namespace

WorkbenchSettings::WorkbenchSettings()
    : settings_(std::make_unique<QSettings>(QStringLiteral("Foresight"), QStringLiteral("workbench"))) {}

WorkbenchSettings::WorkbenchSettings(const QString& iniPath)
    : settings_(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

WorkbenchSettings::~WorkbenchSettings() = default;

QString WorkbenchSettings::registryUri() const {
  const QString saved = settings_->value(kRegistry).toString();
  if (!saved.isEmpty()) return saved;
  // Same order as the CLI: $FORESIGHT_REGISTRY, then the default file.
  const QByteArray env = qgetenv("FORESIGHT_REGISTRY");
  if (!env.isEmpty()) return QString::fromUtf8(env);
  try {
    return QStringLiteral("sqlite://") +
           QString::fromStdString(registry::RegistryUri::defaultSqlitePath());
  } catch (const std::exception&) {
    return {};  // no user data folder: the user has to name a registry
  }
}

void WorkbenchSettings::setRegistryUri(const QString& uri) { settings_->setValue(kRegistry, uri); }

int WorkbenchSettings::defaultHorizon() const {
  const int h = settings_->value(kHorizon, 28).toInt();
  return h > 0 ? h : 28;
}

void WorkbenchSettings::setDefaultHorizon(int horizon) { settings_->setValue(kHorizon, horizon); }

QList<double> WorkbenchSettings::levels() const {
  // A stored value that no longer reads (edited by hand) gives the defaults,
  // not a list with its bad items left out.
  std::vector<double> parsed;
  try {
    parsed = IntervalLevels::parse(settings_->value(kLevels).toString().toStdString(), "levels");
  } catch (const InputError&) {
    parsed.clear();
  }
  if (parsed.empty()) parsed = IntervalLevels::defaults();
  return QList<double>(parsed.begin(), parsed.end());
}

void WorkbenchSettings::setLevels(const QList<double>& levels) {
  settings_->setValue(kLevels, QString::fromStdString(IntervalLevels::format(std::vector<double>(levels.begin(), levels.end()))));
}

QStringList WorkbenchSettings::recentFiles() const { return settings_->value(kRecent).toStringList(); }

void WorkbenchSettings::addRecentFile(const QString& path) {
  QStringList files = recentFiles();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecentFiles) files.removeLast();
  settings_->setValue(kRecent, files);
}

void WorkbenchSettings::clearRecentFiles() { settings_->remove(kRecent); }

QString WorkbenchSettings::lastDirectory() const {
  return settings_->value(kLastDir, QDir::homePath()).toString();
}

void WorkbenchSettings::setLastDirectory(const QString& dir) { settings_->setValue(kLastDir, dir); }

QByteArray WorkbenchSettings::windowGeometry() const { return settings_->value(kGeometry).toByteArray(); }
void WorkbenchSettings::setWindowGeometry(const QByteArray& g) { settings_->setValue(kGeometry, g); }

void WorkbenchSettings::sync() { settings_->sync(); }

}  // namespace foresight::ui
