// The attributes rows can be grouped by when building a panel of series.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace foresight {

enum class Dimension {
  Territory,    // a sales territory's name (Adventure Works "Region" column: Northwest, France...)
  Region,       // the territory's group (Adventure Works "Continent": North America, Europe...)
  Country,
  Category,     // product category (Bikes, Clothing...)
  Subcategory,
  Product,      // product name
  Series,       // the series column of a generic file or query
};

inline constexpr std::size_t kDimensionCount = 7;
inline constexpr std::array<Dimension, kDimensionCount> kAllDimensions = {
    Dimension::Territory, Dimension::Region,  Dimension::Country, Dimension::Category,
    Dimension::Subcategory, Dimension::Product, Dimension::Series};

// "territory", "region", "country", "category", "subcategory", "product", "series".
std::string_view dimensionName(Dimension d);
std::optional<Dimension> parseDimension(std::string_view name);
inline std::size_t dimensionIndex(Dimension d) { return static_cast<std::size_t>(d); }

}  // namespace foresight
