// US federal holidays and the shopping days around them, computed by rule
// for any year (no table to go stale): the calendar_regression model's
// built-in holidays.
#pragma once

#include <string>
#include <vector>

#include "engine/common/Date.h"

namespace foresight {

struct NamedDate {
  std::string name;
  Date date;
  friend bool operator==(const NamedDate&, const NamedDate&) = default;
};

class UsHolidays {
 public:
  // The holidays of one year (1900..2200), in date order: New Year's Day
  // (1 Jan), Martin Luther King Jr. Day (3rd Monday of January, from 1986),
  // Presidents' Day (3rd Monday of February), Memorial Day (last Monday of
  // May), Independence Day (4 Jul), Labor Day (1st Monday of September),
  // Columbus Day (2nd Monday of October), Veterans Day (11 Nov),
  // Thanksgiving (4th Thursday of November), Black Friday (the day after),
  // Christmas Eve, Christmas Day, New Year's Eve. Dates are the days
  // themselves, not the weekday a fixed-date holiday is observed on.
  static std::vector<NamedDate> ofYear(int year);
  // Every holiday in [from, to], in date order.
  static std::vector<NamedDate> between(Date from, Date to);
  // The names, in the order of ofYear().
  static const std::vector<std::string>& names();
};

}  // namespace foresight
