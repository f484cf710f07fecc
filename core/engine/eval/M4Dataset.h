// Reads the M4 competition CSV layout: a header ("V1","V2",...), then one row
// per series: its id ("W1") and its values, padded with empty fields to the
// longest series. Streams line by line, so the large M4 files fit in memory.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace foresight {

struct M4Series {
  std::string id;              // "W1"; the first letter names the frequency
  std::vector<double> values;  // up to the first empty field
  std::size_t line = 0;        // 1-based line in the file
};

class M4Dataset {
 public:
  // Reads at most `limit` series (0 = all). InputError naming file, line and
  // column on: a missing/empty file, a bad header, a quote left open, an empty
  // id, a value that is not a finite number, a value after an empty field, a
  // series with no value.
  static std::vector<M4Series> read(const std::string& path, std::size_t limit = 0);
};

}  // namespace foresight
