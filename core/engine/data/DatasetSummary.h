// What `data inspect` reports about a loaded dataset: tables, rows, date
// range, measures with their exact totals, and the groupings available.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/Date.h"
#include "engine/data/LoadedData.h"

namespace foresight {

struct DatasetSummary {
  struct MeasureTotal {
    Measure measure;
    std::string label;  // series name for the measure ("revenue", "TotalDue")
    std::string total;  // exact: a decimal, or a count for orders
  };
  struct Grouping {
    Dimension dimension;
    std::size_t distinct = 0;
    std::vector<std::string> values;  // sorted; at most kMaxListed
  };
  static constexpr std::size_t kMaxListed = 12;

  std::string source, kind, description;
  std::vector<TableInfo> tables;
  std::size_t rowsRead = 0, rowsUsed = 0, rowsRejected = 0;
  std::optional<Date> first, last;
  std::size_t daysWithRows = 0;
  Measure defaultMeasure = Measure::Amount;
  std::vector<MeasureTotal> measures;
  std::vector<Grouping> groupings;
  std::size_t loadErrors = 0, loadWarnings = 0;  // findings made while loading

  static DatasetSummary of(const LoadedData& data);
};

}  // namespace foresight
