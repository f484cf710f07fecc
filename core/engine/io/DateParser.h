// Date formats found in business exports, and detection of a column's format
// over every value (not just the first), so that 03-04-2016 is never guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/Date.h"

namespace foresight {

enum class DateFormat {
  Iso,             // 2016-04-03, also with a time: 2016-04-03T10:00:00, 2016-04-03 10:00
  DayMonthYear,    // 03-04-2016, 03/04/2016, 03.04.2016
  MonthDayYear,    // 04/03/2016, 04-03-2016
  SqlServer,       // 2016-04-03 00:00:00.000 (SQL Server datetime text)
};

// "iso", "dmy", "mdy", "sqlserver"; also accepts "DD-MM-YYYY", "MM/DD/YYYY", "YYYY-MM-DD".
std::optional<DateFormat> parseDateFormatName(std::string_view name);
std::string_view dateFormatName(DateFormat f);

class DateParser {
 public:
  // Parses one value in a known format; nullopt when it does not match or the
  // day does not exist (31-02-2016). A time part, where allowed, is ignored.
  static std::optional<Date> parse(std::string_view text, DateFormat format);

  // Detects the single format that every non-empty value fits. Throws
  // InputError (file, line of the first conflicting value, column) when no
  // format fits all values, when values mix formats, or when both day-first
  // and month-first fit every value (every day <= 12); the message suggests
  // --date-format. `lines` gives each value's line for messages (same size).
  static DateFormat detectColumn(const std::vector<std::string_view>& values,
                                 const std::vector<std::size_t>& lines,
                                 const std::string& file, const std::string& column);
};

}  // namespace foresight
