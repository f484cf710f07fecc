// What a caller can tell the loaders: how to read a generic file's columns,
// and where to report progress and look for cancellation.
#pragma once

#include <optional>
#include <string>

#include "engine/common/Cancellation.h"
#include "engine/io/DateParser.h"

namespace foresight {

// Column roles of a generic delimited file or query result. Empty names are
// detected (see docs/data.md); names match exactly, then ignoring case, then
// as a 1-based column number.
struct ColumnMapping {
  std::string dateColumn;
  std::string valueColumn;
  std::string seriesColumn;
  // Applies to every date column a loader reads (generic, Adventure Works,
  // OLTP); nullopt detects the format from all of a column's values.
  std::optional<DateFormat> dateFormat;
};

struct LoadOptions {
  ColumnMapping columns;
  ProgressSink progress;                       // may be empty
  const CancellationToken* cancel = nullptr;   // may be null

  void report(double fraction, std::string_view step) const {
    if (progress) progress(fraction, step);
  }
  void checkCancelled() const {
    if (cancel) cancel->throwIfCancelled();
  }
};

}  // namespace foresight
