// Runs a SQL query on SQLite or PostgreSQL (QtSql) and hands back its result
// as a RawTable, so the generic column-mapped loader reads it like a file.
#pragma once

#include <string>

#include "engine/common/Cancellation.h"
#include "engine/io/RawTable.h"
#include "pipeline/DatabaseUri.h"

namespace foresight::pipeline {

class SqlQuerySource {
 public:
  // Each call opens its own uniquely named connection (read-only for
  // SQLite) and removes it afterwards. Cells are text: dates as ISO, numbers
  // exactly as the database has them (numeric at full precision), NULL as
  // empty. Row i of the result gets "line" i (1-based) for messages. Throws
  // InputError naming the redacted URI when the database is missing or
  // unreachable, the query fails or returns no result set.
  static RawTable run(const DatabaseUri& uri, const std::string& query,
                      const CancellationToken* cancel = nullptr);
};

}  // namespace foresight::pipeline
