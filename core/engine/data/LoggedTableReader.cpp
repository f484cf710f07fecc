#include "engine/data/LoggedTableReader.h"

namespace foresight {

namespace {

std::string delimiterName(char d) {
  switch (d) {
    case ',': return "','";
    case ';': return "';'";
    case '\t': return "tab";
    case '|': return "'|'";
    default: return std::string("'") + d + "'";
  }
}

}  // namespace

RawTable LoggedTableReader::read(const std::string& path, const std::string& role,
                                 char expectedDelimiter, const DelimitedReadOptions& options,
                                 LoadedData& out) {
  DelimitedReadResult r = DelimitedReader::readFile(path, options);
  for (auto& w : r.warnings)
    out.findings.add(Severity::Warning, "reader_warning", "the reader repaired or skipped part of a file",
                     InputLocation{}, std::move(w));
  if (r.delimiter != expectedDelimiter)
    out.findings.add(Severity::Info, "delimiter",
                     "read with a delimiter other than the format's " + delimiterName(expectedDelimiter),
                     InputLocation{path, 0, "", ""}, "delimiter " + delimiterName(r.delimiter));
  out.tables.push_back(TableInfo{path, role, r.table.rows.size(), 0});
  return std::move(r.table);
}

}  // namespace foresight
