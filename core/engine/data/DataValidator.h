// Checks a loaded dataset and lists its findings: what the loader found row
// by row (rejected rows, duplicates, negative values), plus rows read/used,
// the date range, periods without data and outlying period totals.
#pragma once

#include "engine/data/FindingLog.h"
#include "engine/data/LoadedData.h"

namespace foresight {

class DataValidator {
 public:
  // Robust z-score above which a period total is an outlier.
  static constexpr double kOutlierThreshold = 5.0;

  static FindingLog validate(const LoadedData& data);
};

}  // namespace foresight
