// The expected number of orders per day in the sample: trend x weekly x
// yearly seasonality x level shift x calendar events, in fixed point.
#pragma once

#include <cstdint>

#include "engine/common/Date.h"
#include "engine/sample/SampleCalendar.h"

namespace foresight {

class SampleDemand {
 public:
  // From this day on the shop sells kLevelShiftPermille/1000 times as many
  // orders, with more lines per order (accessories and clothing join bikes).
  static constexpr Date kLevelShiftDate = civilDate(2016, 7, 1);
  static constexpr std::int64_t kLevelShiftPermille = 2600;
  // Orders per day at the trend's anchor (2015-01-01), before any factor.
  static constexpr std::int64_t kBaseOrdersMilli = 9000;
  // Linear growth of the trend per 365 days, per mille of the base.
  static constexpr std::int64_t kTrendPermillePerYear = 180;
  static constexpr Date kTrendAnchor = civilDate(2015, 1, 1);

  // Multipliers x1000 for Monday .. Sunday: weekends sell most.
  static std::int64_t weekdayPermille(Date day);
  // Cycling season: low in winter, high in late spring and summer; the
  // monthly levels are interpolated linearly between mid-months.
  static std::int64_t seasonPermille(Date day);
  static std::int64_t trendPermille(Date day);
  static std::int64_t levelPermille(Date day) {
    return day >= kLevelShiftDate ? kLevelShiftPermille : 1000;
  }
  // Expected orders that day x1000, before noise; 0 on no-order days.
  static std::int64_t expectedOrdersMilli(Date day);
};

}  // namespace foresight
