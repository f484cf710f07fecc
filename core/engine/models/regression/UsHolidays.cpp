#include "engine/models/regression/UsHolidays.h"

#include <algorithm>  // std::max, std::min

namespace foresight {

namespace {
constexpr int kFirstYear = 1900, kLastYear = 2200;

Date ymd(int year, int month, int day) { return *Date::fromYmd(year, month, day); }

// The n-th (1-based) ISO weekday (1 = Monday) of a month.
Date nthWeekday(int year, int month, int isoWeekday, int n) {
  const Date first = ymd(year, month, 1);
  return first.addDays((isoWeekday - first.isoWeekday() + 7) % 7 + 7 * (n - 1));
}

Date lastWeekday(int year, int month, int isoWeekday) {
  const Date last = ymd(year, month, Date::daysInMonth(year, month));
  return last.addDays(-((last.isoWeekday() - isoWeekday + 7) % 7));
}
}  // namespace

const std::vector<std::string>& UsHolidays::names() {
  static const std::vector<std::string> list = {
      "New Year's Day", "Martin Luther King Jr. Day", "Presidents' Day", "Memorial Day", "Independence Day",
      "Labor Day",      "Columbus Day",               "Veterans Day",    "Thanksgiving", "Black Friday",
      "Christmas Eve",  "Christmas Day",              "New Year's Eve"};
  return list;
}

std::vector<NamedDate> UsHolidays::ofYear(int year) {
  if (year < kFirstYear || year > kLastYear) return {};
  const auto& n = names();
  const Date thanksgiving = nthWeekday(year, 11, 4, 4);
  std::vector<NamedDate> out = {{n[0], ymd(year, 1, 1)}};
  // Observed federally since 1986.
  if (year >= 1986) out.push_back({n[1], nthWeekday(year, 1, 1, 3)});
  out.insert(out.end(), {{n[2], nthWeekday(year, 2, 1, 3)},
                         {n[3], lastWeekday(year, 5, 1)},
                         {n[4], ymd(year, 7, 4)},
                         {n[5], nthWeekday(year, 9, 1, 1)},
                         {n[6], nthWeekday(year, 10, 1, 2)},
                         {n[7], ymd(year, 11, 11)},
                         {n[8], thanksgiving},
                         {n[9], thanksgiving.addDays(1)},
                         {n[10], ymd(year, 12, 24)},
                         {n[11], ymd(year, 12, 25)},
                         {n[12], ymd(year, 12, 31)}});
  return out;
}

std::vector<NamedDate> UsHolidays::between(Date from, Date to) {
  std::vector<NamedDate> out;
  if (to < from) return out;
  const int first = std::max(from.year(), kFirstYear), last = std::min(to.year(), kLastYear);
  for (int year = first; year <= last; ++year)
    for (auto& h : ofYear(year))
      if (h.date >= from && h.date <= to) out.push_back(std::move(h));
  return out;
}

}  // namespace foresight
