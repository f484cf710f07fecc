// Turns a loaded dataset into a panel of regular series: one per group (or
// one in all), one value per period. Sums are exact decimals until the very
// end, so a daily revenue series adds up to the cent.
#pragma once

#include "engine/common/TimeSeries.h"
#include "engine/data/LoadedData.h"
#include "engine/data/SeriesRequest.h"

namespace foresight {

class SeriesBuilder {
 public:
  // Upper bound on series x periods: far above any real panel (130 products
  // x 30 years of days is 1.4 million).
  static constexpr std::size_t kMaxValues = 50'000'000;

  // Series are named after the group (sorted by name) or, ungrouped, after
  // the measure (LoadedData::seriesName). Every series spans the same
  // periods: from the period of `from` (or the first date) to that of `to`
  // (or the last). Throws UsageError when the dataset lacks the measure or
  // grouping, mean is asked of orders, the window holds no rows, or
  // the panel would exceed kMaxValues.
  static Panel build(const LoadedData& data, const SeriesRequest& request);
  // Grouped by a key per fact row instead of `request.groupBy`: keys[r]
  // indexes keyNames (a crossed hierarchy's territory x category). One
  // series per key present among the requested rows, ordered by name; the
  // checks and bounds of build().
  static Panel build(const LoadedData& data, const SeriesRequest& request, const std::vector<std::int32_t>& keys,
                     const std::vector<std::string>& keyNames);

  // The nearest double to an exact decimal (via its text, so that values
  // beyond 2^53 units are not rounded twice).
  static double toDouble(Decimal d);
};

}  // namespace foresight
