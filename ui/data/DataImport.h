// Loading a source and building the session's panel from it, as one piece
// of background work: core/pipeline's SourceLoader, the engine's
// DataValidator and SeriesBuilder, the same steps as `foresight data series`.
#pragma once

#include <QString>
#include <memory>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/data/LoadedData.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "ui/session/SeriesSettings.h"

namespace foresight::ui {

struct ImportResult {
  std::shared_ptr<LoadedData> data;  // findings include the validator's
  Panel panel;
  // The settings the panel was built with: those asked for, except that a
  // hierarchy's file is always read one series per node at its own frequency.
  SeriesSettings settings;
  // Set when the source is a hierarchy's series file (HierarchyFile); the
  // panel is then its nodes, in node order.
  std::shared_ptr<const HierarchicalPanel> hierarchy;
};

class DataImport {
 public:
  // Loads `source` (folder, file or database URI with settings.query) and
  // builds its panel. A hierarchy's series file (series,date,value,level) is
  // read as the hierarchy it is (HierarchicalSeries::readFile checks it): a
  // panel of every node, never one sum over every level. Throws InputError/UsageError naming the file, line or
  // option at fault (also for rows the loader rejected, unless
  // settings.skipBadRows: then they are warnings); CancelledError when cancelled.
  static ImportResult run(const QString& source, const SeriesSettings& settings,
                          const ProgressSink& progress, const CancellationToken& cancel);
  // Builds another panel from data already loaded.
  static Panel rebuild(const LoadedData& data, const SeriesSettings& settings);
  // Writes the built-in sample (engine/sample, seed 42) into a fresh folder
  // under the system's temporary folder and returns that folder.
  static QString writeSample();
  // The settings File > Open sample uses: daily revenue, one series.
  static SeriesSettings sampleSettings();
  static bool isDatabaseUri(const QString& source);
};

}  // namespace foresight::ui
