// Turns the cells of a tidy series CSV into a Panel (see SeriesCsv).
#pragma once

#include "engine/common/TimeSeries.h"
#include "engine/io/RawTable.h"

namespace foresight {

class SeriesCsvParser {
 public:
  // `table` read without header detection; its source names the file.
  static Panel parse(const RawTable& table);
};

}  // namespace foresight
