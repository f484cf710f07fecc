#include "engine/io/DateParser.h"

#include <array>
#include <stdexcept>  // std::invalid_argument

#include "engine/common/Errors.h"
#include "engine/common/Text.h"

namespace foresight {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// Reads minDigits..maxDigits digits at `pos`; -1 when there are too few or too many.
int readNumber(std::string_view t, std::size_t& pos, std::size_t minDigits, std::size_t maxDigits) {
  int v = 0;
  std::size_t n = 0;
  while (pos < t.size() && isDigit(t[pos]) && n < maxDigits + 1) {
    // One digit past the maximum is read only to refuse it: never into v,
    // which nine digits already fill (a fuzzing finding: int overflow).
    if (n < maxDigits) v = v * 10 + (t[pos] - '0');
    ++pos;
    ++n;
  }
  return n < minDigits || n > maxDigits ? -1 : v;
}

// hh:mm[:ss[.f...]] then, for ISO text, an optional Z or +hh:mm offset.
bool isTime(std::string_view t, bool allowZone) {
  std::size_t pos = 0;
  const int h = readNumber(t, pos, 2, 2);
  if (h < 0 || h > 23 || pos >= t.size() || t[pos++] != ':') return false;
  const int m = readNumber(t, pos, 2, 2);
  if (m < 0 || m > 59) return false;
  if (pos < t.size() && t[pos] == ':') {
    ++pos;
    const int s = readNumber(t, pos, 2, 2);
    if (s < 0 || s > 60) return false;  // 60: a leap second
    if (pos < t.size() && (t[pos] == '.' || t[pos] == ',')) {
      ++pos;
      if (readNumber(t, pos, 1, 9) < 0) return false;
    }
  }
  if (pos == t.size()) return true;
  if (!allowZone) return false;
  if (t[pos] == 'Z') return pos + 1 == t.size();
  if (t[pos] != '+' && t[pos] != '-') return false;
  ++pos;
  if (readNumber(t, pos, 2, 2) < 0) return false;
  if (pos < t.size() && t[pos] == ':') ++pos;
  return readNumber(t, pos, 2, 2) >= 0 && pos == t.size();
}

std::optional<Date> parseIsoPart(std::string_view t) {
  if (t.size() < 10) return std::nullopt;
  const auto date = Date::parseIso(t.substr(0, 10));
  if (!date || t.size() == 10) return date;
  if ((t[10] != 'T' && t[10] != ' ') || !isTime(t.substr(11), true)) return std::nullopt;
  return date;
}

// d-m-yyyy or m-d-yyyy with '-', '/' or '.', the same separator twice.
std::optional<Date> parseDayMonth(std::string_view t, bool dayFirst) {
  std::size_t pos = 0;
  const int a = readNumber(t, pos, 1, 2);
  if (a < 0 || pos >= t.size()) return std::nullopt;
  const char sep = t[pos++];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  const int b = readNumber(t, pos, 1, 2);
  if (b < 0 || pos >= t.size() || t[pos++] != sep) return std::nullopt;
  const int y = readNumber(t, pos, 4, 4);
  if (y < 0) return std::nullopt;
  if (pos < t.size() && (t[pos] != ' ' || !isTime(t.substr(pos + 1), false))) return std::nullopt;
  return dayFirst ? Date::fromYmd(y, b, a) : Date::fromYmd(y, a, b);
}

// SQL Server's datetime text: exactly "YYYY-MM-DD hh:mm:ss.fff".
bool hasSqlServerForm(std::string_view t) {
  return t.size() == 23 && t[10] == ' ' && t[13] == ':' && t[16] == ':' && t[19] == '.' &&
         isDigit(t[20]) && isDigit(t[21]) && isDigit(t[22]) && parseIsoPart(t).has_value();
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::optional<DateFormat> parseDateFormatName(std::string_view name) {
  std::string n;
  for (char c : trimBlanks(name)) n += lower(c == '/' || c == '.' ? '-' : c);
  if (n == "iso" || n == "ymd" || n == "yyyy-mm-dd") return DateFormat::Iso;
  if (n == "dmy" || n == "dd-mm-yyyy" || n == "d-m-yyyy") return DateFormat::DayMonthYear;
  if (n == "mdy" || n == "mm-dd-yyyy" || n == "m-d-yyyy") return DateFormat::MonthDayYear;
  if (n == "sqlserver" || n == "sql-server" || n == "yyyy-mm-dd hh:mm:ss-fff")
    return DateFormat::SqlServer;
  return std::nullopt;
}

std::string_view dateFormatName(DateFormat f) {
  switch (f) {
    case DateFormat::Iso:
      return "iso";
    case DateFormat::DayMonthYear:
      return "dmy";
    case DateFormat::MonthDayYear:
      return "mdy";
    case DateFormat::SqlServer:
      return "sqlserver";
  }
  return "iso";
}

std::optional<Date> DateParser::parse(std::string_view text, DateFormat format) {
  const std::string_view t = trimBlanks(text);
  switch (format) {
    case DateFormat::Iso:
    case DateFormat::SqlServer:
      return parseIsoPart(t);
    case DateFormat::DayMonthYear:
      return parseDayMonth(t, true);
    case DateFormat::MonthDayYear:
      return parseDayMonth(t, false);
  }
  return std::nullopt;
}

namespace {

// Which formats one value fits, as bits.
enum Fit : unsigned { kFitsIso = 1, kFitsDmy = 2, kFitsMdy = 4 };

const char* describe(unsigned fit) {
  if (fit == kFitsIso) return "iso (YYYY-MM-DD)";
  if (fit == kFitsDmy) return "dmy (DD-MM-YYYY)";
  return "mdy (MM-DD-YYYY)";
}

}  // namespace

DateFormat DateParser::detectColumn(const std::vector<std::string_view>& values,
                                    const std::vector<std::size_t>& lines, const std::string& file,
                                    const std::string& column) {
  if (lines.size() != values.size())
    throw std::invalid_argument("DateParser::detectColumn: values and lines differ in size");
  const auto where = [&](std::size_t i, std::string_view value) {
    return InputLocation{file, lines[i], column, std::string(value)};
  };
  std::vector<unsigned> fits(values.size(), 0);
  std::size_t total = 0, isoCount = 0, dmyCount = 0, mdyCount = 0, sqlCount = 0;
  std::optional<std::size_t> firstReadingTwoWays;  // a value that dmy and mdy read differently
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string_view t = trimBlanks(values[i]);
    if (t.empty()) continue;
    const auto iso = parseIsoPart(t);
    const auto dmy = parseDayMonth(t, true);
    const auto mdy = parseDayMonth(t, false);
    unsigned fit = (iso ? kFitsIso : 0u) | (dmy ? kFitsDmy : 0u) | (mdy ? kFitsMdy : 0u);
    if (fit == 0)
      throw InputError(where(i, t),
                       "not a date in any known format (YYYY-MM-DD, DD-MM-YYYY, MM-DD-YYYY with "
                       "'-', '/' or '.', or SQL Server datetime), or the day does not exist");
    if (dmy && mdy && *dmy != *mdy && !firstReadingTwoWays) firstReadingTwoWays = i;
    fits[i] = fit;
    ++total;
    isoCount += iso ? 1 : 0;
    sqlCount += iso && hasSqlServerForm(t) ? 1 : 0;
    dmyCount += dmy ? 1 : 0;
    mdyCount += mdy ? 1 : 0;
  }
  if (total == 0)
    throw InputError(InputLocation{file, 0, column, ""}, "no date values to detect a format from");
  if (isoCount == total) return sqlCount == total ? DateFormat::SqlServer : DateFormat::Iso;
  if (dmyCount == total && mdyCount == total) {
    // When day and month are equal in every value, both readings agree.
    if (!firstReadingTwoWays) return DateFormat::DayMonthYear;
    const std::size_t i = *firstReadingTwoWays;
    throw InputError(where(i, trimBlanks(values[i])),
                     "ambiguous dates: every value reads both day-first (DD-MM-YYYY) and "
                     "month-first (MM-DD-YYYY) because no day is above 12; pass --date-format "
                     "dmy or --date-format mdy");
  }
  if (dmyCount == total) return DateFormat::DayMonthYear;
  if (mdyCount == total) return DateFormat::MonthDayYear;

  // Mixed: name the first value that disagrees with the format most values fit.
  unsigned majority = kFitsIso;
  std::size_t best = isoCount;
  if (dmyCount > best) {
    majority = kFitsDmy;
    best = dmyCount;
  }
  if (mdyCount > best) {
    majority = kFitsMdy;
    best = mdyCount;
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (fits[i] == 0 || (fits[i] & majority) != 0) continue;
    throw InputError(where(i, trimBlanks(values[i])),
                     "the column mixes date formats: this value is not " +
                         std::string(describe(majority)) + " like " + std::to_string(best) +
                         " of the " + std::to_string(total) +
                         " values; fix the value or pass --date-format iso|dmy|mdy");
  }
  return DateFormat::Iso;  // unreachable: some value disagrees when no format fits all
}

}  // namespace foresight
