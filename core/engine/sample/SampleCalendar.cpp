#include "engine/sample/SampleCalendar.h"

namespace foresight {

namespace {
// The n-th (1-based) given ISO weekday of a month.
Date nthWeekday(int year, int month, int isoWeekday, int n) {
  const Date first = civilDate(year, month, 1);
  const int shift = (isoWeekday - first.isoWeekday() + 7) % 7;
  return first.addDays(shift + 7 * (n - 1));
}

// The last given ISO weekday of a month.
Date lastWeekday(int year, int month, int isoWeekday) {
  const Date last = civilDate(year, month, Date::daysInMonth(year, month));
  return last.addDays(-((last.isoWeekday() - isoWeekday + 7) % 7));
}
}  // namespace

std::vector<SampleEvent> SampleCalendar::eventsOfYear(int year) {
  // Multipliers are what a US-centred online bike shop sees: quiet on New
  // Year's Day and Thanksgiving, peaks on long weekends and the shopping days
  // after Thanksgiving, a busy week before Christmas, closed on Christmas Day.
  const Date thanksgiving = nthWeekday(year, 11, 4, 4);
  std::vector<SampleEvent> list = {
      {civilDate(year, 1, 1), "New Year's Day", 600},
      {lastWeekday(year, 5, 1), "Memorial Day", 1500},
      {civilDate(year, 7, 4), "Independence Day", 1400},
      {nthWeekday(year, 9, 1, 1), "Labor Day", 1400},
      {thanksgiving, "Thanksgiving", 700},
      {thanksgiving.addDays(1), "Black Friday", 3000},
      {thanksgiving.addDays(4), "Cyber Monday", 2200},
  };
  for (int day = 17; day <= 23; ++day)
    list.push_back({civilDate(year, 12, day), "Christmas week", 1600});
  list.push_back({civilDate(year, 12, 24), "Christmas Eve", 1200});
  list.push_back({civilDate(year, 12, 25), "Christmas Day", 0});
  for (const Date outage : kOutageDates) {
    if (outage.year() != year) continue;
    // Keep date order: an outage goes before the first later event.
    auto at = list.begin();
    while (at != list.end() && at->date < outage) ++at;
    list.insert(at, {outage, "Order system outage", 0});
  }
  return list;
}

std::vector<SampleEvent> SampleCalendar::events(Date from, Date to) {
  std::vector<SampleEvent> out;
  if (to < from) return out;
  for (int year = from.year(); year <= to.year(); ++year)
    for (const auto& e : eventsOfYear(year))
      if (e.date >= from && e.date <= to) out.push_back(e);
  return out;
}

std::optional<SampleEvent> SampleCalendar::eventOn(Date day) {
  for (const auto& e : eventsOfYear(day.year()))
    if (e.date == day) return e;
  return std::nullopt;
}

bool SampleCalendar::isNoOrderDay(Date day) {
  const auto e = eventOn(day);
  return e && e->permille == 0;
}

std::vector<Date> SampleCalendar::noOrderDates(Date from, Date to) {
  std::vector<Date> out;
  for (const auto& e : events(from, to))
    if (e.permille == 0) out.push_back(e.date);
  return out;
}

}  // namespace foresight
