// A table of text cells as read from a delimited file or a SQL query, with
// the physical line each row started on, so later stages can name it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace foresight {

struct RawTable {
  std::string source;                     // file path, or "sqlite:///x.db: <query>"
  std::vector<std::string> header;        // "column1".."columnN" when the input had none
  bool hadHeader = false;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lineNumbers;   // 1-based physical line where each row starts

  std::size_t columnCount() const { return header.size(); }
  // Index of a column by exact name, or -1.
  int columnIndex(const std::string& name) const;
};

}  // namespace foresight
