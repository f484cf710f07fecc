#include "engine/data/ColumnRoles.h"

#include <charconv>  // std::from_chars
#include <cmath>     // std::isfinite

#include "engine/common/Errors.h"
#include "engine/data/TableColumns.h"
#include "engine/io/Decimal.h"

namespace foresight {

namespace {

std::size_t named(const RawTable& t, const std::string& name, const char* role, const char* option) {
  const int i = TableColumns::findByNameOrNumber(t, name);
  if (i < 0)
    throw InputError(InputLocation{t.source, t.hadHeader ? 1u : 0u, name, ""},
                     std::string("no such ") + role + " column (" + option + "); the columns are " +
                         TableColumns::join(t.header));
  return static_cast<std::size_t>(i);
}

std::optional<std::size_t> byName(const RawTable& t, std::initializer_list<std::string_view> names) {
  for (const auto n : names)
    if (const int i = TableColumns::find(t, n); i >= 0) return static_cast<std::size_t>(i);
  return std::nullopt;
}

std::vector<std::string_view> columnValues(const RawTable& t, std::size_t c) {
  std::vector<std::string_view> v;
  v.reserve(t.rows.size());
  for (const auto& row : t.rows) v.push_back(row[c]);
  return v;
}

bool isNumber(std::string_view s) {
  if (Decimal::parse(s)) return true;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  double d = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(d);
}

// Numeric when every non-empty value is a number and at least one exists.
bool isNumericColumn(const RawTable& t, std::size_t c) {
  bool any = false;
  for (const auto& row : t.rows) {
    if (row[c].empty()) continue;
    if (!isNumber(row[c])) return false;
    any = true;
  }
  return any;
}

// Every non-empty value reads as a date in some format. Which format (and
// whether the column is ambiguous) is decided later over the whole column.
bool isDateColumn(const RawTable& t, std::size_t c) {
  // Whole numbers are never taken for dates.
  if (isNumericColumn(t, c)) return false;
  bool any = false;
  for (const auto& row : t.rows) {
    if (row[c].empty()) continue;
    if (!DateParser::parse(row[c], DateFormat::Iso) && !DateParser::parse(row[c], DateFormat::DayMonthYear) &&
        !DateParser::parse(row[c], DateFormat::MonthDayYear))
      return false;
    any = true;
  }
  return any;
}

std::size_t detectDate(const RawTable& t) {
  if (auto c = byName(t, {"date", "ds", "day", "period", "orderdate"})) return *c;
  for (std::size_t c = 0; c < t.columnCount(); ++c)
    if (isDateColumn(t, c)) return c;
  throw InputError(InputLocation{t.source, 0, "", ""},
                   "no date column: none of the columns (" + TableColumns::join(t.header) +
                       ") holds dates in every row; name one with --date-col");
}

std::size_t detectValue(const RawTable& t, std::size_t date, std::optional<std::size_t> series) {
  if (auto c = byName(t, {"value", "y", "amount"}); c && *c != date) return *c;
  std::vector<std::string> numeric;
  std::size_t found = 0;
  for (std::size_t c = 0; c < t.columnCount(); ++c) {
    if (c == date || (series && c == *series) || !isNumericColumn(t, c)) continue;
    numeric.push_back(t.header[c]);
    found = c;
  }
  if (numeric.size() == 1) return found;
  if (numeric.empty())
    throw InputError(InputLocation{t.source, 0, "", ""},
                     "no numeric value column besides the date among " + TableColumns::join(t.header) +
                         "; name one with --value-col");
  throw InputError(InputLocation{t.source, 0, "", ""},
                   "several numeric columns (" + TableColumns::join(numeric) +
                       ") could be the value; choose one with --value-col");
}

}  // namespace

ColumnRoles ColumnRoles::resolve(const RawTable& t, const ColumnMapping& m) {
  if (t.rows.empty())
    throw InputError(InputLocation{t.source, 0, "", ""}, "no data rows (only a header, or nothing)");
  ColumnRoles roles;
  roles.date = m.dateColumn.empty() ? detectDate(t) : named(t, m.dateColumn, "date", "--date-col");
  if (!m.seriesColumn.empty()) roles.series = named(t, m.seriesColumn, "series", "--series-col");
  else if (auto c = byName(t, {"series", "unique_id"}); c && *c != roles.date) roles.series = c;
  roles.value = m.valueColumn.empty() ? detectValue(t, roles.date, roles.series)
                                      : named(t, m.valueColumn, "value", "--value-col");
  if (roles.value == roles.date)
    throw InputError(InputLocation{t.source, 0, t.header[roles.date], ""},
                     "the same column cannot be both the date and the value");
  roles.dateFormat = m.dateFormat ? *m.dateFormat
                                  : DateParser::detectColumn(columnValues(t, roles.date), t.lineNumbers,
                                                             t.source, t.header[roles.date]);
  return roles;
}

}  // namespace foresight
