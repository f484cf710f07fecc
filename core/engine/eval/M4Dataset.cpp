#include "engine/eval/M4Dataset.h"

#include <charconv>  // std::from_chars
#include <cmath>     // std::isfinite
#include <fstream>
#include <string_view>

#include "engine/common/Errors.h"
#include "engine/io/InputFile.h"

namespace foresight {

namespace {

// Splits one CSV line into fields, removing RFC 4180 quotes. Returns false
// when a quote is left open (M4 values never span lines).
bool splitLine(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false, wasQuoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !wasQuoted) {
      quoted = wasQuoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      wasQuoted = false;
    } else {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return !quoted;
}

std::string columnName(std::size_t index) { return "V" + std::to_string(index + 1); }

}  // namespace

std::vector<M4Series> M4Dataset::read(const std::string& path, std::size_t limit) {
  requireRegularFile(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(InputLocation{path, 0, "", ""}, "cannot open the M4 file");
  std::vector<M4Series> out;
  std::vector<std::string> fields;
  std::string line;
  std::size_t lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineNo == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
    if (line.empty()) continue;
    if (!splitLine(line, fields))
      throw InputError(InputLocation{path, lineNo, "", ""}, "a quoted field is not closed on its line");
    if (lineNo == 1) {
      if (fields.size() < 2 || fields[0] != "V1")
        throw InputError(InputLocation{path, 1, "V1", fields[0]},
                         "not an M4 file: the header must start with \"V1\",\"V2\"");
      continue;
    }
    M4Series s;
    s.id = fields[0];
    s.line = lineNo;
    if (s.id.empty()) throw InputError(InputLocation{path, lineNo, "V1", ""}, "the series id is empty");
    bool ended = false;
    for (std::size_t c = 1; c < fields.size(); ++c) {
      const std::string& f = fields[c];
      if (f.empty()) {
        ended = true;
        continue;
      }
      if (ended)
        throw InputError(InputLocation{path, lineNo, columnName(c), f},
                         "series " + s.id + " has a value after an empty field");
      double v = 0.0;
      const auto [ptr, ec] = std::from_chars(f.data(), f.data() + f.size(), v);
      if (ec != std::errc() || ptr != f.data() + f.size() || !std::isfinite(v))
        throw InputError(InputLocation{path, lineNo, columnName(c), f},
                         "series " + s.id + ": not a number");
      s.values.push_back(v);
    }
    if (s.values.empty())
      throw InputError(InputLocation{path, lineNo, "V2", ""}, "series " + s.id + " has no values");
    out.push_back(std::move(s));
    if (limit > 0 && out.size() >= limit) break;
  }
  if (lineNo == 0) throw InputError(InputLocation{path, 0, "", ""}, "the M4 file is empty");
  return out;
}

}  // namespace foresight
