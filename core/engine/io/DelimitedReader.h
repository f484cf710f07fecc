// Reads delimited text (CSV, TSV, semicolon, pipe) into a RawTable.
// Handles RFC 4180 quoting (embedded delimiters, doubled quotes, newlines),
// CRLF or LF, a UTF-8 BOM, optional header, trailing blank lines.
// Malformed input throws InputError naming the file and line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/io/RawTable.h"

namespace foresight {

struct DelimitedReadOptions {
  std::optional<char> delimiter;   // nullopt: detect among , ; \t |
  std::optional<bool> hasHeader;   // nullopt: detect (first row non-numeric where data is)
  // Rows with fewer or more fields than the header are an error unless set;
  // then they are kept padded/truncated and reported through `warnings`.
  bool tolerateRaggedRows = false;
  std::size_t maxFieldBytes = 1 << 20;  // longer field: InputError (protects memory)
  std::size_t maxFieldCount = 100'000;  // more fields on one line: InputError (protects memory)
};

struct DelimitedReadResult {
  RawTable table;
  char delimiter = ',';
  std::vector<std::string> warnings;  // recoverable oddities, each naming file:line
};

class DelimitedReader {
 public:
  // Reads a whole file. Throws InputError (file, line) on: missing/unreadable
  // file, a directory, empty file, binary content (NUL bytes, invalid UTF-8),
  // unterminated quote (the line it opened), text after a closing quote, a
  // field over maxFieldBytes, a line over maxFieldCount fields, ragged rows.
  // A header without rows is not an error (zero rows). Title lines above the
  // header with fewer fields are skipped and blank lines inside the data are
  // skipped, each with a warning.
  static DelimitedReadResult readFile(const std::string& path, const DelimitedReadOptions& opts = {});
  // Same rules over text already in memory; `sourceName` is used in messages.
  static DelimitedReadResult readText(std::string_view text, const std::string& sourceName,
                                      const DelimitedReadOptions& opts = {});
};

}  // namespace foresight
