#include "engine/data/OltpLoader.h"

#include <charconv>   // std::from_chars
#include <stdexcept>  // std::overflow_error

#include "engine/common/Text.h"
#include "engine/data/DuplicateTracker.h"
#include "engine/data/TableColumns.h"
#include "engine/io/DelimitedReader.h"

namespace foresight {

namespace {

std::string layout(const OltpTableSpec& spec) {
  return std::string(spec.name) + ".csv is tab separated with no header and " +
         std::to_string(spec.columns.size()) + " columns: " + TableColumns::join(spec.columns);
}

RawTable readTable(const std::string& path, const OltpTableSpec& spec, LoadedData& out) {
  DelimitedReadOptions o;
  o.delimiter = '\t';
  o.hasHeader = false;
  DelimitedReadResult r;
  try {
    r = DelimitedReader::readFile(path, o);
  } catch (const InputError& e) {
    throw InputError(e.where(), e.problem() + " (" + layout(spec) + ")");
  }
  for (auto& w : r.warnings)
    out.findings.add(Severity::Warning, "reader_warning", "the reader repaired or skipped part of a file",
                     InputLocation{}, std::move(w));
  RawTable& t = r.table;
  if (t.columnCount() != spec.columns.size())
    throw InputError(InputLocation{path, t.lineNumbers.empty() ? 1 : t.lineNumbers.front(), "", ""},
                     "found " + std::to_string(t.columnCount()) + " column" +
                         (t.columnCount() == 1 ? "" : "s") + " but " + layout(spec));
  t.header.assign(spec.columns.begin(), spec.columns.end());
  // A header row some tools add: drop it rather than reject it as data.
  if (!t.rows.empty() && trimBlanks(t.rows.front().front()) == spec.columns.front()) {
    t.rows.erase(t.rows.begin());
    t.lineNumbers.erase(t.lineNumbers.begin());
    out.findings.add(Severity::Info, "header_skipped", "the first line is a header row; skipped",
                     InputLocation{path, 1, "", ""});
  }
  out.tables.push_back(TableInfo{path, std::string(spec.name), t.rows.size(), 0});
  return std::move(r.table);
}

class RowBuilder {
 public:
  RowBuilder(const OltpTableSpec& spec, const RawTable& t, LoadedData& out)
      : spec_(spec), t_(t), out_(out) {}

  bool build(std::size_t r, DateFormat format, FactRow& row) {
    const auto& f = t_.rows[r];
    const std::size_t dateCol = spec_.indexOf(spec_.dateColumn);
    if (trimBlanks(f[dateCol]).empty()) return reject(r, dateCol, "missing_value", "row rejected: the date is empty");
    const auto date = DateParser::parse(f[dateCol], format);
    if (!date)
      return reject(r, dateCol, "bad_date",
                    "row rejected: not a date in the column's format " + std::string(dateFormatName(format)));
    std::int64_t quantity = 0;
    if (!spec_.quantityColumn.empty() && !readQuantity(r, quantity)) return false;
    if (spec_.amountRule != OltpTableSpec::AmountRule::None && !readAmount(r, quantity, row)) return false;
    if (!spec_.quantityColumn.empty())
      row.values[measureIndex(Measure::Quantity)] = Decimal::fromInteger(1).times(quantity);
    if (!spec_.orderColumn.empty()) {
      const std::size_t c = spec_.indexOf(spec_.orderColumn);
      if (trimBlanks(f[c]).empty()) return reject(r, c, "missing_value", "row rejected: the order id is empty");
      row.order = out_.facts.orderIds().intern(trimBlanks(f[c]));
    }
    if (!spec_.territoryColumn.empty()) setDimension(row, Dimension::Territory, "territory ", f[spec_.indexOf(spec_.territoryColumn)]);
    if (!spec_.productColumn.empty()) setDimension(row, Dimension::Product, "product ", f[spec_.indexOf(spec_.productColumn)]);
    row.date = *date;
    row.line = static_cast<std::uint32_t>(t_.lineNumbers[r]);
    return true;
  }

 private:
  bool reject(std::size_t r, std::size_t col, std::string_view code, const std::string& message) {
    out_.findings.addRejectedRow(code, message,
                                 InputLocation{t_.source, t_.lineNumbers[r], t_.header[col], t_.rows[r][col]});
    return false;
  }

  void warnNegative(std::size_t r, std::size_t col) {
    out_.findings.add(Severity::Warning, "negative_value", "negative " + t_.header[col] + "; the row is kept",
                      InputLocation{t_.source, t_.lineNumbers[r], t_.header[col], t_.rows[r][col]});
  }

  bool readQuantity(std::size_t r, std::int64_t& quantity) {
    const std::size_t c = spec_.indexOf(spec_.quantityColumn);
    const std::string_view q = trimBlanks(t_.rows[r][c]);
    const auto [ptr, ec] = std::from_chars(q.data(), q.data() + q.size(), quantity);
    if (ec != std::errc() || ptr != q.data() + q.size() || q.empty())
      return reject(r, c, "non_numeric", "row rejected: " + t_.header[c] + " is not a whole number");
    if (quantity < 0) warnNegative(r, c);
    return true;
  }

  bool readAmount(std::size_t r, std::int64_t quantity, FactRow& row) {
    const std::size_t c = spec_.indexOf(spec_.amountColumn);
    const auto value = Decimal::parse(t_.rows[r][c]);
    if (!value) return reject(r, c, "non_numeric", "row rejected: " + t_.header[c] + " is not a number");
    if (value->units() < 0) warnNegative(r, c);
    try {
      row.values[measureIndex(Measure::Amount)] =
          spec_.amountRule == OltpTableSpec::AmountRule::QuantityTimesColumn ? value->times(quantity) : *value;
    } catch (const std::overflow_error&) {
      return reject(r, c, "out_of_range", "row rejected: the amount is out of range");
    }
    return true;
  }

  void setDimension(FactRow& row, Dimension d, const std::string& prefix, std::string_view id) {
    const std::string_view v = trimBlanks(id);
    row.dims[dimensionIndex(d)] = out_.facts.dictionary(d).intern(prefix + (v.empty() ? "(none)" : std::string(v)));
  }

  const OltpTableSpec& spec_;
  const RawTable& t_;
  LoadedData& out_;
};

std::string joinedKey(const OltpTableSpec& spec, const std::vector<std::string>& fields) {
  std::string key;
  for (const auto k : spec.keyColumns) key += (key.empty() ? "" : "/") + std::string(trimBlanks(fields[spec.indexOf(k)]));
  return key;
}

}  // namespace

LoadedData OltpLoader::load(const std::string& path, const OltpTableSpec& spec, const LoadOptions& options) {
  LoadedData out;
  out.source = path;
  out.kind = "oltp";
  out.description = "Adventure Works OLTP table " + std::string(spec.name);
  out.defaultMeasure = spec.defaultMeasure;
  out.amountLabel = spec.amountRule == OltpTableSpec::AmountRule::None ? "amount" : std::string(spec.amountLabel);
  std::vector<Dimension> dims;
  if (!spec.territoryColumn.empty()) dims.push_back(Dimension::Territory);
  if (!spec.productColumn.empty()) dims.push_back(Dimension::Product);
  out.facts = FactTable(spec.measures(), dims, !spec.orderColumn.empty());
  options.report(0.0, "reading " + path);
  const RawTable t = readTable(path, spec, out);
  const std::uint32_t fileIndex = out.facts.addFile(path);
  out.rowsRead = t.rows.size();
  if (t.rows.empty()) throw InputError(InputLocation{path, 0, "", ""}, "no rows (" + layout(spec) + ")");
  const std::size_t dateCol = spec.indexOf(spec.dateColumn);
  DateFormat format = DateFormat::SqlServer;
  if (options.columns.dateFormat) {
    format = *options.columns.dateFormat;
  } else {
    std::vector<std::string_view> values;
    values.reserve(t.rows.size());
    for (const auto& row : t.rows) values.push_back(row[dateCol]);
    format = DateParser::detectColumn(values, t.lineNumbers, path, t.header[dateCol]);
  }
  DuplicateTracker duplicates(TableColumns::join(spec.keyColumns));
  duplicates.reserveMore(t.rows.size());
  RowBuilder builder(spec, t, out);
  out.facts.reserve(t.rows.size());
  FactRow row;
  row.file = fileIndex;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if ((r & 0xffff) == 0) options.checkCancelled();
    if (!builder.build(r, format, row)) continue;
    duplicates.check(joinedKey(spec, t.rows[r]), t.rows[r], fileIndex, row.line, out.facts.files(), out.findings);
    out.facts.append(row);
  }
  out.tables.back().rowsUsed = out.facts.rowCount();
  out.rowsRejected = out.rowsRead - out.facts.rowCount();
  if (out.facts.rowCount() == 0) {
    const Finding* first = nullptr;
    for (const auto& f : out.findings.findings())
      if (f.severity == Severity::Error && !first) first = &f;
    throw InputError(InputLocation{path, 0, "", ""},
                     "all " + std::to_string(out.rowsRead) + " rows were rejected" +
                         (first && !first->examples.empty() ? "; the first: " + first->examples.front().describe() + ": " + first->message : ""));
  }
  options.report(1.0, "loaded");
  return out;
}

}  // namespace foresight
