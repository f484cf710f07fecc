// Finding named columns in a RawTable, with errors that list what was
// expected and what the file holds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/RawTable.h"

namespace foresight {

class TableColumns {
 public:
  // Index of the column: exact name first, then ignoring case and surrounding
  // spaces; -1 when absent.
  static int find(const RawTable& table, std::string_view name);
  // Like find(), and a 1-based column number ("3") also selects a column.
  static int findByNameOrNumber(const RawTable& table, std::string_view name);
  // Index of a column the caller cannot do without; InputError (file, line 1,
  // field) listing `expected` and the columns found when absent.
  static std::size_t require(const RawTable& table, std::string_view name,
                             const std::vector<std::string_view>& expected);
  // "a, b, c"
  static std::string join(const std::vector<std::string_view>& names);
  static std::string join(const std::vector<std::string>& names);
};

}  // namespace foresight
