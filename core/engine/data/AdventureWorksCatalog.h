// The lookup tables of an Adventure Works sales export: products with their
// price, cost and (sub)category names, and sales territories.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/data/AdventureWorksFiles.h"
#include "engine/data/LoadedData.h"
#include "engine/io/Decimal.h"

namespace foresight {

struct AwProduct {
  Decimal price, cost;
  std::string name, subcategory, category;  // empty when the lookup file is absent
};

struct AwTerritory {
  std::string name, country, region;  // Region, Country, Continent columns
};

class AdventureWorksCatalog {
 public:
  // Reads the lookup files named in `files` and records them in `out`.
  // Throws InputError (file, line, field) when the products file is missing,
  // lacks a column, repeats a ProductKey or has a price that is not a number.
  static AdventureWorksCatalog load(const AdventureWorksFiles& files, LoadedData& out);

  // nullptr when the key is unknown.
  const AwProduct* product(std::string_view key) const;
  const AwTerritory* territory(std::string_view key) const;
  bool hasTerritories() const { return !territories_.empty(); }
  bool hasSubcategories() const { return hasSubcategories_; }
  bool hasCategories() const { return hasCategories_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class T>
  using KeyMap = std::unordered_map<std::string, T, Hash, std::equal_to<>>;

  void loadProducts(const std::string& path, LoadedData& out);
  void loadTerritories(const std::string& path, LoadedData& out);
  // Subcategory key -> (subcategory name, category name).
  KeyMap<std::pair<std::string, std::string>> loadSubcategories(const AdventureWorksFiles& files,
                                                                 LoadedData& out);

  KeyMap<AwProduct> products_;
  KeyMap<std::string> productSubcategoryKey_;
  KeyMap<AwTerritory> territories_;
  bool hasSubcategories_ = false, hasCategories_ = false;
};

}  // namespace foresight
