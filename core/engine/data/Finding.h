// One observation about a dataset (a rejected row, a gap, an outlier...) with
// a severity, a stable code for scripts, and a few located examples.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/Errors.h"

namespace foresight {

// Error: the data is wrong (rows were rejected or double counted); `data
// validate` exits 2. Warning: worth a look (gaps, outliers, negative values).
// Info: facts about the data (rows read, date range).
enum class Severity { Error, Warning, Info };

std::string_view severityName(Severity s);  // "error", "warning", "info"
std::optional<Severity> parseSeverity(std::string_view name);

struct FindingExample {
  InputLocation where;
  std::string detail;  // what is wrong with this occurrence, may be empty

  // "file:line: field 'x': value 'y': detail"
  std::string describe() const;
};

struct Finding {
  Severity severity = Severity::Info;
  std::string code;     // e.g. "unknown_product", "missing_dates"
  std::string message;  // what this finding means, the same for every occurrence
  std::size_t count = 0;                 // occurrences, all of them
  std::vector<FindingExample> examples;  // the first few occurrences
  // Each occurrence is a data row a loader left out (see RejectedRows).
  bool rejectsRow = false;
};

}  // namespace foresight
