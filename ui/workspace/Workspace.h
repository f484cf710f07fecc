// The workspace file (JSON, schema foresight.workspace/1): which source was
// loaded, how its series were built, the selected series, removed and
// renamed series, the registry and the model loaded from it. Reopening
// loads the source again and replays the rest.
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

  static Workspace of(const WorkbenchSession& session);
  QJsonObject toJson() const;
  // InputError naming `file` and the field when the JSON does not fit.
  static Workspace fromJson(const QJsonObject& json, const QString& file);
  // Writes atomically (QSaveFile); InputError naming the file on failure.
  void save(const QString& file) const;
  static Workspace load(const QString& file);
};

}  // namespace foresight::ui
