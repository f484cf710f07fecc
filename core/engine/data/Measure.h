// The quantities a dataset can be turned into a series of.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace foresight {

enum class Measure {
  Revenue,   // OrderQuantity x ProductPrice (Adventure Works sales export)
  Cost,      // OrderQuantity x ProductCost
  Quantity,  // units ordered / moved
  Orders,    // distinct order numbers (or rows, where a table has no order id)
  Amount,    // a table's money column (TotalDue, PaidAmount) or a generic value column
};

inline constexpr std::size_t kMeasureCount = 5;
inline constexpr std::array<Measure, kMeasureCount> kAllMeasures = {
    Measure::Revenue, Measure::Cost, Measure::Quantity, Measure::Orders, Measure::Amount};

// "revenue", "cost", "quantity", "orders", "amount".
std::string_view measureName(Measure m);
std::optional<Measure> parseMeasure(std::string_view name);
inline std::size_t measureIndex(Measure m) { return static_cast<std::size_t>(m); }

}  // namespace foresight
