// The pipeline's first three stages: load the source, validate it, build
// the series. A tidy series CSV (series,date,value) is read as it is; any
// other source goes through the loaders and SeriesBuilder. With a
// hierarchy, the series are every node's (HierarchicalSeries: built from
// the source, or read from a series CSV with a level column).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/data/FindingLog.h"
#include "engine/data/RejectedRows.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "pipeline/PipelineConfig.h"

namespace foresight::pipeline {

struct PipelineInput {
  std::string source;       // as loaded
  std::string description;  // "Adventure Works sales export", "series CSV"
  std::size_t rowsRead = 0, rowsRejected = 0;
  FindingLog findings;
  // Rows the loader rejected and data.on_bad_rows = "skip" left out (none
  // otherwise: with "stop", load() throws naming them).
  RejectedRows skippedRows{FindingLog{}};
  BadRowPolicy onBadRows = BadRowPolicy::Stop;  // as configured, for the report
  Panel panel;  // with a hierarchy: every node's series, in node order
  std::optional<HierarchicalPanel> hierarchy;  // config.hierarchy's levels over the data

  // Loads, validates and builds. InputError when validation finds errors
  // (the data is wrong: rows rejected or double counted), naming the first.
  static PipelineInput load(const PipelineConfig& config, const ProgressSink& progress,
                            const CancellationToken* cancel);
  // {"source", "description", "rows_read", "rows_rejected", "on_bad_rows", "rows_skipped",
  //  "skipped_rows":["file:line: field: value: why", ...], "series":[{name,start,end,n,missing,sum,mean}],
  //  "findings":[...]}
  nlohmann::json summary() const;
};

}  // namespace foresight::pipeline
