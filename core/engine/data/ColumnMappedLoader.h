// Loads any table of text cells with a date column, a value column and an
// optional series column: a generic delimited file, or a SQL query's result
// (core/pipeline/SqlQuerySource produces the same RawTable).
#pragma once

#include <string>

#include "engine/data/LoadOptions.h"
#include "engine/data/LoadedData.h"
#include "engine/io/RawTable.h"

namespace foresight {

class ColumnMappedLoader {
 public:
  // Reads a delimited file (delimiter and header detected) and loads it.
  static LoadedData loadFile(const std::string& path, const LoadOptions& options);

  // Loads a table already read. Columns not named in options.columns are
  // detected: the date column by name (date, ds, day, period) or as the first
  // column whose every value is a date; the value column by name (value, y,
  // amount) or as the only other numeric column; the series column by name
  // (series, unique_id). Throws InputError (source, line, column) when a named
  // column is absent, no date or value column can be found, several numeric
  // columns compete, or no row is usable. `kind`/`description` label the result.
  static LoadedData load(const RawTable& table, const std::string& source, const std::string& kind,
                         const std::string& description, const LoadOptions& options);
};

}  // namespace foresight
