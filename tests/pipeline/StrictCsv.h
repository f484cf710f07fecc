// A strict RFC 4180 reader for tests, independent of Foresight's own CSV
// code: every record must have the header's field count, quotes must be
// closed and doubled inside quoted fields, text after a closing quote is an
// error, and lines end with "\n" or "\r\n". Returns an error message instead
// of guessing.
#pragma once

#include <string>
#include <vector>

namespace foresight::test {

struct StrictCsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::string error;  // empty when the text parsed
  // Index of a header column; -1 when absent.
  int column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  }
};

inline StrictCsvTable parseStrictCsv(const std::string& text) {
  StrictCsvTable t;
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0, line = 1;
  const auto fail = [&](const std::string& why) {
    t.error = "line " + std::to_string(line) + ": " + why;
    return t;
  };
  if (text.empty()) return fail("empty file");
  if (text.back() != '\n') return fail("the last record does not end with a line break");
  while (i < text.size()) {
    bool quoted = false;
    field.clear();
    if (text[i] == '"') {
      quoted = true;
      ++i;
      for (;;) {
        if (i >= text.size()) return fail("unclosed quote");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        if (text[i] == '"') return fail("a quote inside an unquoted field");
        field += text[i++];
      }
    }
    record.push_back(field);
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i >= text.size() || text[i] != '\n') return fail(quoted ? "text after a closing quote" : "a bare carriage return");
    ++i;
    records.push_back(std::move(record));
    record.clear();
    ++line;
  }
  t.header = records.front();
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != t.header.size()) {
      line = r + 1;
      return fail(std::to_string(records[r].size()) + " fields, the header has " + std::to_string(t.header.size()));
    }
    t.rows.push_back(std::move(records[r]));
  }
  return t;
}

}  // namespace foresight::test
