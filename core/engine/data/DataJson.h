// JSON forms of data findings and summaries, for `--json` output, pipeline
// reports and the GUI.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/common/TimeSeries.h"
#include "engine/data/DatasetSummary.h"
#include "engine/data/DemandPattern.h"
#include "engine/data/FindingLog.h"

namespace foresight {

class DataJson {
 public:
  // {"findings":[{severity, code, message, count, examples:[{file, line,
  //  field, value, detail}]}], "errors", "warnings", "infos"}
  static nlohmann::json findings(const FindingLog& log);
  // {source, kind, description, tables:[{path, role, rows_read, rows_used}],
  //  rows:{read, used, rejected}, date_range:{first, last, days_with_rows},
  //  default_measure, measures:[{name, label, total}], groupings:[{name,
  //  distinct, values}], load_errors, load_warnings}
  static nlohmann::json summary(const DatasetSummary& s);
  // {class, periods, demands, zero_share, adi, cv2, trailing_zeros}; NaN as
  // null.
  static nlohmann::json demandPattern(const DemandPattern& p);
  // [{series, ...demandPattern}] for every series of the panel.
  static nlohmann::json demandPatterns(const Panel& panel);
};

}  // namespace foresight
