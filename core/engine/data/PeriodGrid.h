// The regular periods (days, weeks, months...) covering a date range, and the
// period each date falls in.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/common/Date.h"
#include "engine/common/Frequency.h"

namespace foresight {

class PeriodGrid {
 public:
  // Periods from the one containing `first` to the one containing `last` (first <= last).
  PeriodGrid(Frequency frequency, Date first, Date last);

  Frequency frequency() const { return frequency_; }
  Date start() const { return start_; }
  std::size_t size() const { return size_; }
  Date dateAt(std::size_t i) const { return advancePeriod(frequency_, start_, static_cast<int>(i)); }
  // Index of the period containing d; negative or >= size() when outside.
  std::int64_t indexOf(Date d) const;
  // Period index of d counted from the period containing `origin`.
  static std::int64_t periodsBetween(Frequency f, Date origin, Date d);

 private:
  Frequency frequency_;
  Date start_;
  std::size_t size_ = 0;
};

}  // namespace foresight
