// Infers the frequency of series from their dates: monthly when every date
// is a month's first day, quarterly/yearly when the months line up so, weekly
// when dates step by whole weeks, else daily.
#pragma once

#include <vector>

#include "engine/common/Date.h"
#include "engine/common/Frequency.h"

namespace foresight {

class FrequencyInference {
 public:
  // `series`: the sorted, distinct dates of each series. Steps are only
  // taken within a series. With no step at all (one date per series) the
  // answer is M when every date is a month's first day, else D.
  static Frequency infer(const std::vector<std::vector<Date>>& series);
};

}  // namespace foresight
