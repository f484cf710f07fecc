// The workbench's Power BI export: the same steps as `foresight export
// powerbi` (pull the registered model, update it with the session's newer
// actuals, forecast, write the long CSV through pipeline::PowerBiExport).
#pragma once

#include <QList>
#include <QString>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"

namespace foresight::ui {

struct PowerBiExportRequest {
  QString registryUri;
  QString reference;  // NAME (means NAME@champion), NAME@ALIAS or NAME/VERSION
  int horizon = 28;
  QList<double> levels{80.0, 95.0};
  int history = 0;    // actual periods per series (0 = all)
  QString runId;      // empty: pipeline::makeRunId()
  QString outFile;
};

struct PowerBiExportSummary {
  std::size_t actualRows = 0, forecastRows = 0;
  QString model;
  int version = 0;
};

class PowerBiExporter {
 public:
  // Throws InputError naming the reference, the data or the output file.
  static PowerBiExportSummary run(const PowerBiExportRequest& request, const Panel& actuals,
                                  const CancellationToken& cancel);
};

}  // namespace foresight::ui
