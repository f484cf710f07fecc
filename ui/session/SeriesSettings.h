// How the session's panel was built from its data: the engine's
// SeriesRequest plus the column mapping of generic sources, in a form that
// round-trips through the workspace file.
#pragma once

#include <QJsonObject>
#include <QString>

#include "engine/data/LoadOptions.h"
#include "engine/data/SeriesRequest.h"

namespace foresight::ui {

struct SeriesSettings {
  SeriesRequest request;
  ColumnMapping columns;   // generic files and queries only
  QString query;           // SQL for a database source
  // Rows the loader rejects stop the import unless the user ticked "skip"
  // (kept with the workspace, so reopening it loads the same data).
  bool skipBadRows = false;

  bool operator==(const SeriesSettings& other) const;
  QJsonObject toJson() const;
  // InputError naming the field ("workspace: series.measure") when a value is unknown.
  static SeriesSettings fromJson(const QJsonObject& json);
  // "revenue, daily, by territory, gaps as zero"
  QString describe() const;
};

}  // namespace foresight::ui
