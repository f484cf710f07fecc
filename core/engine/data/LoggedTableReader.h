// Reads one delimited file for a loader and records it: the table in the
// dataset's table list, the reader's recoverable warnings as findings.
#pragma once

#include <optional>
#include <string>

#include "engine/data/LoadedData.h"
#include "engine/io/DelimitedReader.h"

namespace foresight {

class LoggedTableReader {
 public:
  // `expectedDelimiter`: the delimiter the format defines; another one that
  // reads consistently is accepted and noted (Excel in many locales saves
  // CSV with ';').
  static RawTable read(const std::string& path, const std::string& role, char expectedDelimiter,
                       const DelimitedReadOptions& options, LoadedData& out);
};

}  // namespace foresight
