// A calendar date as a day count: cheap to compare, subtract and hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace foresight {

class Date {
 public:
  // The calendar's range: parseIso and fromYmd accept years 1 to 9999 only,
  // so nothing later is ever written.
  static constexpr int kMinYear = 1;
  static constexpr int kMaxYear = 9999;

  constexpr Date() = default;
  // Days since 1970-01-01 (negative before).
  static constexpr Date fromDays(std::int32_t days) { return Date(days); }
  // Proleptic Gregorian; returns nullopt when the day does not exist (31-02).
  static std::optional<Date> fromYmd(int year, int month, int day);
  // Parses exactly YYYY-MM-DD; nullopt otherwise.
  static std::optional<Date> parseIso(std::string_view text);

  constexpr std::int32_t days() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  // ISO weekday: 1 = Monday .. 7 = Sunday.
  int isoWeekday() const;
  int dayOfYear() const;  // 1..366
  std::string toIso() const;

  Date addDays(std::int32_t n) const { return Date(days_ + n); }
  // Same day-of-month clamped to the month's length (31-01 + 1 month = 28/29-02).
  Date addMonths(int n) const;
  // Monday of this date's ISO week.
  Date startOfWeek() const { return addDays(1 - isoWeekday()); }
  Date startOfMonth() const;

  static bool isLeapYear(int year);
  static int daysInMonth(int year, int month);

  friend constexpr bool operator==(Date a, Date b) = default;
  friend constexpr auto operator<=>(Date a, Date b) = default;
  friend constexpr std::int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  struct Ymd {
    int y, m, d;
  };
  Ymd ymd() const;
  std::int32_t days_ = 0;
};

}  // namespace foresight
