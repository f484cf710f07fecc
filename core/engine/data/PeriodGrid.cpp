#include "engine/data/PeriodGrid.h"

namespace foresight {

namespace {

std::int64_t monthNumber(Date d) { return std::int64_t{d.year()} * 12 + (d.month() - 1); }

}  // namespace

std::int64_t PeriodGrid::periodsBetween(Frequency f, Date origin, Date d) {
  switch (f) {
    case Frequency::Daily: return d - origin;
    case Frequency::Weekly: return (d.startOfWeek() - origin.startOfWeek()) / 7;  // exact: Mondays
    case Frequency::Monthly: return monthNumber(d) - monthNumber(origin);
    case Frequency::Quarterly: return monthNumber(d) / 3 - monthNumber(origin) / 3;
    case Frequency::Yearly: return d.year() - origin.year();
  }
  return 0;
}

PeriodGrid::PeriodGrid(Frequency frequency, Date first, Date last)
    : frequency_(frequency), start_(periodStart(frequency, first)) {
  const std::int64_t n = periodsBetween(frequency, first, last) + 1;
  size_ = n > 0 ? static_cast<std::size_t>(n) : 0;
}

std::int64_t PeriodGrid::indexOf(Date d) const { return periodsBetween(frequency_, start_, d); }

}  // namespace foresight
