// Fuzzes DateParser (one value in a known format, and detection of a whole
// column's format) and parseDateFormatName. The input is a column: one value
// per line, the first on line 2 (under a header). Oracles:
// - a value a format accepts is a real date that prints back (ISO and the
//   format's own layout) and parses to the same day;
// - detectColumn either returns a format that reads every non-empty value,
//   or throws an InputError naming the file, the column and the line and
//   text of a value that is in the column (line 0 only when it is empty);
// - a format name that parses prints as a name that parses to the same format.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "FuzzOracle.h"
#include "engine/common/Errors.h"
#include "engine/io/DateParser.h"

using foresight::Date;
using foresight::DateFormat;
using foresight::DateParser;
using foresight::InputError;
using foresight::fuzz::check;

namespace {

const std::string kFile = "fuzz.csv";
const std::string kColumn = "date";
constexpr DateFormat kFormats[] = {DateFormat::Iso, DateFormat::DayMonthYear, DateFormat::MonthDayYear,
                                   DateFormat::SqlServer};

std::string_view trimmed(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  return t;
}

// The date in `format`'s own layout, as a user's file would hold it.
std::string layout(Date d, DateFormat format) {
  char buf[32];
  switch (format) {
    case DateFormat::DayMonthYear:
      std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
      return buf;
    case DateFormat::MonthDayYear:
      std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", d.month(), d.day(), d.year());
      return buf;
    case DateFormat::SqlServer:
      return d.toIso() + " 00:00:00.000";
    case DateFormat::Iso:
      break;
  }
  return d.toIso();
}

void checkValue(std::string_view value) {
  for (const DateFormat f : kFormats) {
    const auto d = DateParser::parse(value, f);
    if (!d) continue;
    const std::string shown = std::string(value) + " as " + std::string(foresight::dateFormatName(f));
    check(d->year() >= 1 && d->year() <= 9999, "a parsed date has a four-digit year", shown);
    check(Date::fromYmd(d->year(), d->month(), d->day()) == d, "a parsed date is a real day", shown);
    check(Date::parseIso(d->toIso()) == d, "a parsed date round-trips through ISO", shown + " -> " + d->toIso());
    check(DateParser::parse(layout(*d, f), f) == d, "a parsed date round-trips through its own format",
          shown + " -> " + layout(*d, f));
  }
}

void checkColumn(const std::vector<std::string_view>& values, const std::vector<std::size_t>& lines) {
  DateFormat format{};
  try {
    format = DateParser::detectColumn(values, lines, kFile, kColumn);
  } catch (const InputError& e) {
    const auto& w = e.where();
    check(w.file == kFile && w.field == kColumn, "InputError names the file and the column", e.what());
    if (w.line == 0) {
      for (const auto v : values) check(trimmed(v).empty(), "line 0 only for a column without values", e.what());
      return;
    }
    bool found = false;
    for (std::size_t i = 0; i < values.size() && !found; ++i)
      found = lines[i] == w.line && trimmed(values[i]) == w.value;
    check(found, "InputError names the line and text of a value in the column", e.what());
    return;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (trimmed(values[i]).empty()) continue;
    check(DateParser::parse(values[i], format).has_value(), "the detected format reads every value",
          std::string(values[i]) + " as " + std::string(foresight::dateFormatName(format)));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> values;
  std::vector<std::size_t> lines;
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    values.push_back(text.substr(pos, end - pos));
    lines.push_back(values.size() + 1);
    pos = end + 1;
  }
  for (const auto v : values) checkValue(v);
  checkColumn(values, lines);

  if (const auto f = foresight::parseDateFormatName(values.front())) {
    const auto again = foresight::parseDateFormatName(foresight::dateFormatName(*f));
    check(again == f, "a format name round-trips", std::string(values.front()));
  }
  return 0;
}
