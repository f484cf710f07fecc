// Plain-text renderings of data summaries and findings, as `data inspect`,
// `data validate` and pipeline reports print them.
#pragma once

#include <string>

#include "engine/common/TimeSeries.h"
#include "engine/data/DatasetSummary.h"
#include "engine/data/FindingLog.h"

namespace foresight::pipeline {

class DataReportText {
 public:
  // Several indented lines: tables, rows, date range, measures, groupings.
  static std::string summary(const DatasetSummary& s);
  // The demand pattern of every series (engine/data/DemandPattern.h): one
  // line of counts per class, then a table of the series (name, periods,
  // zero share, ADI, CV², class).
  static std::string demandPatterns(const Panel& panel);
  // One block per finding: "error    unknown_product (3): row rejected: ..."
  // followed by its examples, then "... and N more".
  static std::string findings(const FindingLog& log);
  // One line: "warning: missing_dates: days without ... (first: 2016-02-29)".
  static std::string oneLine(const Finding& f);
  // The same under another label, for a run that goes on past an error
  // finding: "warning: duplicate_row (2): ...".
  static std::string oneLine(const Finding& f, std::string_view label);
};

}  // namespace foresight::pipeline
