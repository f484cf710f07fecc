// What series to build from a dataset: measure, frequency, grouping,
// aggregation, gap policy and date window.
#pragma once

#include <optional>
#include <string_view>

#include "engine/common/Date.h"
#include "engine/common/Frequency.h"
#include "engine/data/Dimension.h"
#include "engine/data/Measure.h"

namespace foresight {

// Sum: total of the measure per period (orders: distinct order ids).
// Mean: the measure's average over the rows of the period.
// Count: the number of rows in the period, whatever the measure.
enum class Aggregation { Sum, Mean, Count };

// What a period without any row becomes: Zero (no sales that day), a linear
// Interpolation between its observed neighbours (periods before the first or
// after the last observation stay missing), or None (missing, NaN).
enum class GapPolicy { Zero, Interpolate, None };

std::string_view aggregationName(Aggregation a);  // "sum", "mean", "count"
std::optional<Aggregation> parseAggregation(std::string_view name);
std::string_view gapPolicyName(GapPolicy g);      // "zero", "interpolate", "none"
std::optional<GapPolicy> parseGapPolicy(std::string_view name);

struct SeriesRequest {
  std::optional<Measure> measure;       // nullopt: the dataset's default measure
  Frequency frequency = Frequency::Daily;
  std::optional<Dimension> groupBy;     // nullopt: one series over all rows
  Aggregation aggregation = Aggregation::Sum;
  std::optional<GapPolicy> fill;        // nullopt: Zero for sum and count, None for mean
  std::optional<Date> from, to;         // inclusive; nullopt: the data's first/last date

  GapPolicy effectiveFill() const {
    return fill ? *fill : (aggregation == Aggregation::Mean ? GapPolicy::None : GapPolicy::Zero);
  }
};

}  // namespace foresight
