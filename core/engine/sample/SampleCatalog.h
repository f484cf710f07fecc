// The fixed master data of the sample: categories, subcategories, products
// and sales territories, in the shapes of the Adventure Works export tables.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace foresight {

struct SampleCategory {
  int key;
  std::string_view name;
};

struct SampleSubcategory {
  int key;
  std::string_view name;
  int categoryKey;
};

struct SampleProduct {
  int key;
  int subcategoryKey;
  std::string_view sku, name, model, description, color, size, style;
  // Written to the CSV exactly as here; '.' decimals, up to 4 places.
  std::string_view cost, price;
  int popularity;  // relative weight among the products of its category
};

struct SampleTerritory {
  int key;
  std::string_view region, country, continent;
  int weight;  // relative share of new customers
};

class SampleCatalog {
 public:
  // Category keys as in Adventure Works.
  static constexpr int kBikes = 1, kComponents = 2, kClothing = 3, kAccessories = 4;

  static std::span<const SampleCategory> categories();
  static std::span<const SampleSubcategory> subcategories();
  static std::span<const SampleProduct> products();
  static std::span<const SampleTerritory> territories();

  // Category key of a product (through its subcategory).
  static int categoryOf(const SampleProduct& product);
  // A money text such as "699.0982" or "25" in units of 1/10000, exactly.
  static std::int64_t toTenThousandths(std::string_view money);
};

}  // namespace foresight
