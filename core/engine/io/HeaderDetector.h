// Decides whether the first record of a text table is a header, by comparing
// the kinds of its cells (text, number, date) with the records below it.
// Used by DelimitedReader; not a public API.
#pragma once

#include <string_view>
#include <vector>

#include "engine/io/RecordScanner.h"

namespace foresight::detail {

enum class CellKind { Missing, Number, Date, Text };

class HeaderDetector {
 public:
  // Empty and the usual missing markers (NA, null, -) are Missing.
  static CellKind classify(std::string_view cell);

  // records[0] is a header when one of its cells is text above a column whose
  // other sampled values are all numbers/dates, or when all its cells are text
  // while some record below holds a number or date. A lone record is a header
  // when all its cells are text.
  static bool firstIsHeader(const std::vector<ScannedRecord>& records);
};

}  // namespace foresight::detail
