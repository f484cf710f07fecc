#include "engine/sample/SampleDemand.h"

namespace foresight {

namespace {
constexpr std::int64_t kWeekday[7] = {930, 900, 910, 940, 1000, 1300, 1220};
// Level in the middle of each month, January first.
constexpr std::int64_t kMonth[12] = {800,  830,  950, 1080, 1150, 1180,
                                     1120, 1080, 980, 930,  900,  1000};
}  // namespace

std::int64_t SampleDemand::weekdayPermille(Date day) {
  return kWeekday[day.isoWeekday() - 1];
}

std::int64_t SampleDemand::seasonPermille(Date day) {
  // Interpolate between the 15th of the month before/after the day.
  const int y = day.year();
  const int m = day.month();
  Date mid = civilDate(y, m, 15);
  int lo = m - 1;  // month index (0-based) of the earlier mid-month
  if (day < mid) {
    lo = (m + 10) % 12;
    mid = mid.addMonths(-1);
  }
  const int hi = (lo + 1) % 12;
  const Date nextMid = mid.addMonths(1);
  const std::int64_t span = nextMid - mid;
  const std::int64_t at = day - mid;
  return kMonth[lo] + (kMonth[hi] - kMonth[lo]) * at / span;
}

std::int64_t SampleDemand::trendPermille(Date day) {
  const std::int64_t t = 1000 + kTrendPermillePerYear * (day - kTrendAnchor) / 365;
  return t < 200 ? 200 : t;  // ranges far before the anchor keep some demand
}

std::int64_t SampleDemand::expectedOrdersMilli(Date day) {
  std::int64_t v = kBaseOrdersMilli;
  // Integer steps in a fixed order: every platform rounds identically.
  v = v * trendPermille(day) / 1000;
  v = v * weekdayPermille(day) / 1000;
  v = v * seasonPermille(day) / 1000;
  v = v * levelPermille(day) / 1000;
  if (const auto e = SampleCalendar::eventOn(day)) v = v * e->permille / 1000;
  return v;
}

}  // namespace foresight
