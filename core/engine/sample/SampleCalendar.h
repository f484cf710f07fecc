// The dated effects built into the sample: US shopping holidays, Christmas
// and two order-system outages. Documented in docs/sample-data.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/common/Date.h"

namespace foresight {

// One day whose demand differs from the smooth pattern.
struct SampleEvent {
  Date date;
  std::string_view name;  // "Black Friday", "Christmas Day", ...
  int permille;           // demand multiplier x1000; 0 = no orders at all
};

// A date known at compile time (proleptic Gregorian), for constants.
constexpr Date civilDate(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date::fromDays(era * 146097 + doe - 719468);
}

class SampleCalendar {
 public:
  // Days the order system was down (no orders), besides every Christmas Day.
  static constexpr Date kOutageDates[] = {civilDate(2016, 2, 29), civilDate(2017, 3, 14)};

  // Every event in [from, to], in date order.
  static std::vector<SampleEvent> events(Date from, Date to);
  // The event on one day, if any.
  static std::optional<SampleEvent> eventOn(Date day);
  // True on the days with no orders at all (Christmas Day and the outages).
  static bool isNoOrderDay(Date day);
  // Every no-order day in [from, to], in date order.
  static std::vector<Date> noOrderDates(Date from, Date to);

 private:
  // The events of one calendar year, in date order.
  static std::vector<SampleEvent> eventsOfYear(int year);
};

}  // namespace foresight
