#include "engine/data/ColumnMappedLoader.h"

#include <charconv>  // std::from_chars
#include <cmath>     // std::llround, std::isfinite
#include <unordered_map>

#include "engine/common/Text.h"
#include "engine/data/ColumnRoles.h"
#include "engine/data/DuplicateTracker.h"
#include "engine/data/LoggedTableReader.h"

namespace foresight {

namespace {

// A value in scientific notation ("1.5e3") is not a plain decimal; it is
// taken through double and rounded to Decimal's 6 places, and noted.
std::optional<Decimal> parseValue(std::string_view text, bool& viaDouble) {
  viaDouble = false;
  if (auto d = Decimal::parse(text)) return d;
  const std::string_view t = trimBlanks(text);
  double v = 0;
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(v) || std::fabs(v) > 9.2e12)
    return std::nullopt;
  viaDouble = true;
  return Decimal::fromUnits(std::llround(v * static_cast<double>(Decimal::kScale)));
}

class GenericRows {
 public:
  GenericRows(const RawTable& t, const ColumnRoles& roles, LoadedData& out) : t_(t), roles_(roles), out_(out) {}

  bool build(std::size_t r, FactRow& row) {
    const auto& f = t_.rows[r];
    if (trimBlanks(f[roles_.date]).empty())
      return reject(r, roles_.date, Severity::Error, "missing_value", "row rejected: the date is empty");
    const auto date = DateParser::parse(f[roles_.date], roles_.dateFormat);
    if (!date)
      return reject(r, roles_.date, Severity::Error, "bad_date",
                    "row rejected: not a date in the column's format " + std::string(dateFormatName(roles_.dateFormat)));
    if (trimBlanks(f[roles_.value]).empty())
      return reject(r, roles_.value, Severity::Warning, "missing_value",
                    "row skipped: the value is empty (a missing observation; --fill decides)");
    bool viaDouble = false;
    const auto value = parseValue(f[roles_.value], viaDouble);
    if (!value) return reject(r, roles_.value, Severity::Error, "non_numeric", "row rejected: the value is not a number");
    if (viaDouble) note(r, roles_.value, Severity::Info, "rounded_value", "value in scientific notation, kept to 6 decimals");
    if (value->units() < 0) note(r, roles_.value, Severity::Warning, "negative_value", "negative value; the row is kept");
    if (roles_.series) {
      const std::string_view name = trimBlanks(f[*roles_.series]);
      if (name.empty())
        return reject(r, *roles_.series, Severity::Error, "missing_value", "row rejected: the series name is empty");
      row.dims[dimensionIndex(Dimension::Series)] = out_.facts.dictionary(Dimension::Series).intern(name);
    }
    row.date = *date;
    row.values[measureIndex(Measure::Amount)] = *value;
    row.line = static_cast<std::uint32_t>(t_.lineNumbers[r]);
    return true;
  }

 private:
  // An error leaves out a bad row; a warning, a row that only lacks its
  // value (a missing observation that --fill accounts for).
  bool reject(std::size_t r, std::size_t col, Severity s, std::string_view code, const std::string& message) {
    if (s == Severity::Error)
      out_.findings.addRejectedRow(code, message, InputLocation{t_.source, t_.lineNumbers[r], t_.header[col], t_.rows[r][col]});
    else
      note(r, col, s, code, message);
    return false;
  }
  void note(std::size_t r, std::size_t col, Severity s, std::string_view code, const std::string& message) {
    out_.findings.add(s, code, message, InputLocation{t_.source, t_.lineNumbers[r], t_.header[col], t_.rows[r][col]});
  }

  const RawTable& t_;
  const ColumnRoles& roles_;
  LoadedData& out_;
};

}  // namespace

LoadedData ColumnMappedLoader::loadFile(const std::string& path, const LoadOptions& options) {
  LoadedData sink;  // collects the reader's notes before the real result exists
  options.report(0.0, "reading " + path);
  const RawTable t = LoggedTableReader::read(path, "table", ',', DelimitedReadOptions{}, sink);
  LoadedData out = load(t, path, "delimited", "delimited file", options);
  sink.findings.merge(out.findings);
  out.findings = std::move(sink.findings);
  out.tables = std::move(sink.tables);
  out.tables.back().rowsUsed = out.facts.rowCount();
  return out;
}

LoadedData ColumnMappedLoader::load(const RawTable& t, const std::string& source, const std::string& kind,
                                    const std::string& description, const LoadOptions& options) {
  const ColumnRoles roles = ColumnRoles::resolve(t, options.columns);
  LoadedData out;
  out.source = source;
  out.kind = kind;
  out.description = description;
  out.defaultMeasure = Measure::Amount;
  out.amountLabel = t.header[roles.value];
  out.tables.push_back(TableInfo{t.source, "table", t.rows.size(), 0});
  std::vector<Dimension> dims;
  if (roles.series) dims.push_back(Dimension::Series);
  out.facts = FactTable({Measure::Amount}, dims, false);
  const std::uint32_t fileIndex = out.facts.addFile(t.source);
  out.rowsRead = t.rows.size();
  out.facts.reserve(t.rows.size());
  // Repeated rows are normal for transactions but suspicious in a series
  // file, so they are a warning here, not an error.
  std::unordered_map<std::uint64_t, std::size_t> seen;
  GenericRows builder(t, roles, out);
  FactRow row;
  row.file = fileIndex;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if ((r & 0xffff) == 0) options.checkCancelled();
    if (!builder.build(r, row)) continue;
    const auto [it, isNew] = seen.emplace(DuplicateTracker::hashFields(t.rows[r]), t.lineNumbers[r]);
    if (!isNew)
      out.findings.add(Severity::Warning, "duplicate_row", "the same row appears more than once; every copy is counted",
                       InputLocation{t.source, t.lineNumbers[r], "", ""}, "same as line " + std::to_string(it->second));
    out.facts.append(row);
  }
  out.tables.back().rowsUsed = out.facts.rowCount();
  out.rowsRejected = out.rowsRead - out.facts.rowCount();
  if (out.facts.rowCount() == 0)
    throw InputError(InputLocation{t.source, 0, "", ""},
                     "no usable rows: all " + std::to_string(out.rowsRead) + " rows were rejected" +
                         (out.findings.findings().empty() || out.findings.findings().front().examples.empty()
                              ? std::string()
                              : "; the first: " + out.findings.findings().front().examples.front().describe() +
                                    ": " + out.findings.findings().front().message));
  options.report(1.0, "loaded");
  return out;
}

}  // namespace foresight
