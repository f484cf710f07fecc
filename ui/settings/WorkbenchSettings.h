// The one place the workbench reads and writes its persistent settings
// (QSettings underneath): registry URI, default horizon and interval levels,
// recent files, last folder and window state.
#pragma once

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <memory>

namespace foresight::ui {

class WorkbenchSettings {
 public:
  static constexpr int kMaxRecentFiles = 8;

  // Default: the user's settings (organisation "Foresight", app "workbench").
  WorkbenchSettings();
  // An INI file of its own (tests, --settings); created when missing.
  explicit WorkbenchSettings(const QString& iniPath);
  ~WorkbenchSettings();

  // The saved URI, else $FORESIGHT_REGISTRY, else the default SQLite file
  // (same resolution as the CLI's --registry).
  QString registryUri() const;
  void setRegistryUri(const QString& uri);

  int defaultHorizon() const;  // 28 unless set
  void setDefaultHorizon(int horizon);
  QList<double> levels() const;  // {80, 95} unless set
  void setLevels(const QList<double>& levels);

  // Most recent first, at most kMaxRecentFiles, no duplicates.
  QStringList recentFiles() const;
  void addRecentFile(const QString& path);
  void clearRecentFiles();

  QString lastDirectory() const;
  void setLastDirectory(const QString& dir);

  QByteArray windowGeometry() const;
  void setWindowGeometry(const QByteArray& geometry);

  void sync();

 private:
  std::unique_ptr<QSettings> settings_;
};

}  // namespace foresight::ui
