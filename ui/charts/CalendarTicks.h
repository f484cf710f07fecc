// Where a date axis puts its ticks: on calendar boundaries people read -
// days, Mondays, month starts, quarters, half years, years - never on an
// arbitrary date such as 2015-06-02 that an even split of the range gives.
// The finest spacing whose labels all fit the axis' width wins.
#pragma once

#include <QString>
#include <functional>
#include <vector>

#include "engine/common/Date.h"

namespace foresight::ui {

struct CalendarTick {
  Date date;
  QString label;
};

class CalendarTicks {
 public:
  enum class Unit { Day, Week, Month, Year };
  struct Spacing {
    Unit unit = Unit::Day;
    int step = 1;  // 1 or 2 weeks; 1, 3 (quarters) or 6 months; 1, 2, 5, 10... years
  };
  struct Plan {
    Spacing spacing;
    std::vector<CalendarTick> ticks;
  };

  // The spacings tried, finest first.
  static const std::vector<Spacing>& spacings();
  // Ticks of `spacing` from `first` to `last` (inclusive). Labels: "Jun 2"
  // (days, weeks), "Jan 2015" / "Feb" (months: the year on January and on
  // the first tick), "2015" (years).
  static std::vector<CalendarTick> ticks(Date first, Date last, Spacing spacing);
  // The finest spacing whose labels fit: every label gets width / (ticks + 1)
  // pixels (as Qt's category axis shares them) minus `gap`; `textWidth`
  // measures a label in pixels. When none fits, the coarsest with a tick.
  static Plan choose(Date first, Date last, double width, const std::function<double(const QString&)>& textWidth,
                     double gap = 12.0);
};

}  // namespace foresight::ui
