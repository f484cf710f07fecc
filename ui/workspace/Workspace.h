// The workspace file (JSON, schema foresight.workspace/1): which source was
// loaded, how its series were built, the selected series, removed and
// renamed series, the registry and the model loaded from it, the Models
// page's candidate specs and backtest settings. Reopening loads the source
// again and replays the rest. Files without candidates or settings (written
// before they were kept) still open.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "ui/session/SeriesSettings.h"

namespace foresight::ui {

class WorkbenchSession;

struct Workspace {
  static constexpr const char* kSchema = "foresight.workspace/1";

  QString source;
  SeriesSettings settings;
  QStringList seriesNames;  // the panel's names after removals and renames, in order
  QStringList builtNames;   // what each of them was called when built
  QString selectedSeries;
  QString registryUri;
  QString modelReference;
  QStringList candidates;   // the Models page's specs, in order
  QJsonObject backtest;     // BacktestSettingsWidget::state(); empty when none

  static Workspace of(const WorkbenchSession& session);
  QJsonObject toJson() const;
  // Gives the session what it keeps of the workspace beyond the data:
  // candidates and backtest settings.
  void applyTo(WorkbenchSession& session) const;
  // InputError naming `file` and the field when the JSON does not fit.
  static Workspace fromJson(const QJsonObject& json, const QString& file);
  // Writes atomically (QSaveFile); InputError naming the file on failure.
  void save(const QString& file) const;
  static Workspace load(const QString& file);
  // Whether `path` names a workspace rather than a data source: the names
  // the workbench writes (*.fsw.json, *.workspace.json), or any *.json whose
  // top-level "schema" is kSchema (a workspace saved as "x.json"). Reads at
  // most kMaxSniffBytes; an unreadable or larger file is not one.
  static bool isWorkspaceFile(const QString& path);
  static constexpr qint64 kMaxSniffBytes = 16 * 1024 * 1024;
};

}  // namespace foresight::ui
