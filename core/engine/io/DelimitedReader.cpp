#include "engine/io/DelimitedReader.h"

#include <algorithm>  // std::count
#include <cerrno>
#include <cstdio>  // std::fopen, std::fread
#include <filesystem>
#include <memory>  // std::unique_ptr
#include <system_error>
#include <unordered_set>

#include "engine/common/Errors.h"
#include "engine/io/DelimiterDetector.h"
#include "engine/io/HeaderDetector.h"
#include "engine/io/InputFile.h"
#include "engine/io/RecordScanner.h"
#include "engine/io/TextChecks.h"

namespace foresight {

using detail::RecordScanner;
using detail::ScannedRecord;

namespace {

constexpr std::size_t kMaxWarningsPerKind = 10;

// What the first records say about the table: lines to skip, header or not.
struct Layout {
  std::size_t junkRecords = 0;
  std::size_t junkFirstLine = 0, junkLastLine = 0;
  std::string junkSample;
  bool hasHeader = false;
};

std::string delimiterName(char d) {
  if (d == '\t') return "tab";
  return std::string("'") + d + "'";
}

std::string lineRange(const std::string& source, std::size_t first, std::size_t last) {
  return source + ":" + std::to_string(first) + (last > first ? "-" + std::to_string(last) : "");
}

Layout probeLayout(std::string_view text, const std::string& source, char delimiter,
                   const DelimitedReadOptions& opts) {
  RecordScanner scanner(text, delimiter, source, opts.maxFieldBytes, opts.maxFieldCount);
  scanner.setStoredFieldLimit(4096);  // enough to classify; bounds memory on wide lines
  std::vector<ScannedRecord> records;
  std::vector<std::size_t> counts;
  for (ScannedRecord r;
       records.size() < detail::DelimiterDetector::kSampleRecords && scanner.next(r);) {
    counts.push_back(r.fieldCount);
    records.push_back(r);
  }
  if (records.empty())
    throw InputError(InputLocation{source, 1, "", ""}, "no data: the file holds only blank lines");

  Layout layout;
  // Lines above the real header (a report title, an export note) have fewer
  // fields than the body. They are skipped when they are single fields (a
  // title) or when what follows them reads as a header; a real header that is
  // merely narrower than its rows stays, and the rows are reported as ragged.
  const std::size_t width = detail::DelimiterDetector::modeOf(counts).count;
  std::size_t junk = 0;
  bool onlyTitles = true;
  for (; width > 1 && records[junk].fieldCount < width; ++junk)
    onlyTitles = onlyTitles && records[junk].fieldCount == 1;
  const auto detectHeader = [&](std::size_t from) {
    if (opts.hasHeader) return *opts.hasHeader;
    return detail::HeaderDetector::firstIsHeader(std::vector<ScannedRecord>(
        records.begin() + static_cast<std::ptrdiff_t>(from), records.end()));
  };
  layout.hasHeader = detectHeader(junk);
  if (junk > 0 && !onlyTitles && !layout.hasHeader) {
    junk = 0;
    layout.hasHeader = detectHeader(0);
  }
  if (junk > 0) {
    layout.junkRecords = junk;
    layout.junkFirstLine = records.front().line;
    layout.junkLastLine = records[junk - 1].line;
    const auto& fields = records.front().fields;
    layout.junkSample = fields.empty() ? "" : fields.front().toString();
  }
  return layout;
}

// Header names trimmed; a nameless column gets "columnN" and a warning.
std::vector<std::string> headerNames(const ScannedRecord& rec, const std::string& source,
                                     std::vector<std::string>& warnings) {
  std::vector<std::string> names;
  std::unordered_set<std::string>
      seen;  // wide tables (M4: 2,598 columns) make pairwise checks slow
  for (std::size_t i = 0; i < rec.fields.size(); ++i) {
    std::string name = rec.fields[i].toString();
    const auto first = name.find_first_not_of(" \t");
    name = first == std::string::npos
               ? ""
               : name.substr(first, name.find_last_not_of(" \t") - first + 1);
    if (name.empty()) {
      name = "column" + std::to_string(i + 1);
      warnings.push_back(source + ":" + std::to_string(rec.line) + ": column " +
                         std::to_string(i + 1) + " has no name in the header; called '" + name +
                         "'");
    }
    if (!seen.insert(name).second)
      warnings.push_back(source + ":" + std::to_string(rec.line) + ": column name '" + name +
                         "' appears more than once; lookups by name find the first");
    names.push_back(std::move(name));
  }
  return names;
}

// Reports skipped blank lines above the last row; trailing ones are normal.
void warnBlankLines(const std::vector<std::size_t>& blank, std::size_t lastRowLine,
                    const std::string& source, std::vector<std::string>& warnings) {
  std::size_t reported = 0, more = 0;
  for (std::size_t line : blank) {
    if (line > lastRowLine) break;
    if (reported < kMaxWarningsPerKind) {
      warnings.push_back(source + ":" + std::to_string(line) + ": blank line skipped");
      ++reported;
    } else {
      ++more;
    }
  }
  if (more > 0)
    warnings.push_back(source + ": " + std::to_string(more) + " more blank lines skipped");
}

}  // namespace

DelimitedReadResult DelimitedReader::readText(std::string_view raw, const std::string& sourceName,
                                              const DelimitedReadOptions& opts) {
  const std::string_view text = detail::stripUtf8Bom(raw);
  if (text.empty()) throw InputError(InputLocation{sourceName, 1, "", ""}, "the file is empty");
  detail::requireUtf8Text(text, sourceName);
  DelimitedReadResult result;
  if (opts.delimiter &&
      (*opts.delimiter == '"' || *opts.delimiter == '\n' || *opts.delimiter == '\r'))
    throw UsageError("a delimiter cannot be a quote or a line break");
  result.delimiter = opts.delimiter ? *opts.delimiter
                                    : detail::DelimiterDetector::detect(
                                          text, sourceName, opts.maxFieldBytes, opts.maxFieldCount);
  const Layout layout = probeLayout(text, sourceName, result.delimiter, opts);
  auto& warnings = result.warnings;
  if (layout.junkRecords > 0)
    warnings.push_back(
        lineRange(sourceName, layout.junkFirstLine, layout.junkLastLine) + ": skipped " +
        std::to_string(layout.junkRecords) + " line(s) above the " +
        (layout.hasHeader ? "header" : "data") +
        " with fewer fields than the table (a title?): " + quoteForMessage(layout.junkSample));

  RecordScanner scanner(text, result.delimiter, sourceName, opts.maxFieldBytes, opts.maxFieldCount);
  ScannedRecord rec;
  for (std::size_t i = 0; i <= layout.junkRecords; ++i) scanner.next(rec);  // probe saw them
  RawTable& table = result.table;
  table.source = sourceName;
  table.hadHeader = layout.hasHeader;
  const std::size_t width = rec.fieldCount;
  const std::size_t shapeLine = rec.line;
  if (layout.hasHeader) {
    table.header = headerNames(rec, sourceName, warnings);
  } else {
    for (std::size_t i = 1; i <= width; ++i) table.header.push_back("column" + std::to_string(i));
  }
  scanner.setStoredFieldLimit(width);  // extra fields of ragged rows are never copied

  const auto lineBreaks = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  table.rows.reserve(lineBreaks + 1);
  table.lineNumbers.reserve(lineBreaks + 1);
  std::size_t ragged = 0;
  bool pending = !layout.hasHeader;  // without a header, rec already holds the first row
  while (pending || scanner.next(rec)) {
    pending = false;
    if (rec.fieldCount != width) {
      const std::string shape = "row has " + std::to_string(rec.fieldCount) + " fields but the " +
                                (layout.hasHeader ? "header" : "first row") + " (line " +
                                std::to_string(shapeLine) + ") has " + std::to_string(width);
      if (!opts.tolerateRaggedRows)
        throw InputError(InputLocation{sourceName, rec.line, "", ""},
                         shape + " (delimiter " + delimiterName(result.delimiter) +
                             "; quote values that contain it)");
      if (++ragged <= kMaxWarningsPerKind)
        warnings.push_back(
            sourceName + ":" + std::to_string(rec.line) + ": " + shape +
            (rec.fieldCount < width ? "; padded with empty fields" : "; extra fields dropped"));
    }
    std::vector<std::string>& row = table.rows.emplace_back();
    row.reserve(width);
    for (const auto& f : rec.fields) row.push_back(f.toString());
    row.resize(width);
    table.lineNumbers.push_back(rec.line);
  }
  if (ragged > kMaxWarningsPerKind)
    warnings.push_back(sourceName + ": " + std::to_string(ragged - kMaxWarningsPerKind) +
                       " more rows with a different field count");
  const std::size_t lastLine = table.lineNumbers.empty() ? shapeLine : table.lineNumbers.back();
  warnBlankLines(scanner.blankLines(), lastLine, sourceName, warnings);
  return result;
}

DelimitedReadResult DelimitedReader::readFile(const std::string& path,
                                              const DelimitedReadOptions& opts) {
  return readText(readInputText(path), isStandardInput(path) ? kStandardInputLabel : path, opts);
}

}  // namespace foresight
