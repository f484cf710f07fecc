#include "engine/common/Date.h"

#include <cstdio>  // std::snprintf

namespace foresight {

namespace {
// Howard Hinnant's days_from_civil / civil_from_days: exact for the
// proleptic Gregorian calendar over any int32 day range we meet.
std::int32_t daysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
}  // namespace

bool Date::isLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int Date::daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && isLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> Date::fromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 ||
      day > daysInMonth(year, month))
    return std::nullopt;
  return Date(daysFromCivil(year, month, day));
}

std::optional<Date> Date::parseIso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < lens[k]; ++i) {
      const char c = t[static_cast<std::size_t>(starts[k] + i)];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  return fromYmd(v[0], v[1], v[2]);
}

Date::Ymd Date::ymd() const {
  const int z = days_ + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

int Date::year() const { return ymd().y; }
int Date::month() const { return ymd().m; }
int Date::day() const { return ymd().d; }

int Date::isoWeekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  const int w = (days_ + 3) % 7;
  return (w < 0 ? w + 7 : w) + 1;
}

int Date::dayOfYear() const { return days_ - daysFromCivil(year(), 1, 1) + 1; }

Date Date::startOfMonth() const {
  const Ymd p = ymd();
  return Date(daysFromCivil(p.y, p.m, 1));
}

Date Date::addMonths(int n) const {
  const Ymd p = ymd();
  int total = p.y * 12 + (p.m - 1) + n;
  const int y = total / 12;
  const int m = total % 12 + 1;
  const int d = p.d < daysInMonth(y, m) ? p.d : daysInMonth(y, m);
  return Date(daysFromCivil(y, m, d));
}

std::string Date::toIso() const {
  const Ymd p = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.y, p.m, p.d);
  return buf;
}

}  // namespace foresight
