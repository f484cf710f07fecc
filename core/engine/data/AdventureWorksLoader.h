// Loads an Adventure Works sales export (AdventureWorks_Sales_*.csv with the
// products and optional territory/category lookups) into a FactTable:
// revenue = OrderQuantity x ProductPrice, cost = OrderQuantity x ProductCost,
// quantity, orders = distinct OrderNumber; dimensions territory, region,
// country, category, subcategory, product.
#pragma once

#include "engine/data/AdventureWorksFiles.h"
#include "engine/data/LoadOptions.h"
#include "engine/data/LoadedData.h"

namespace foresight {

class AdventureWorksLoader {
 public:
  // Rows with an unknown ProductKey/TerritoryKey, an empty field, a bad
  // quantity or date are rejected with a located finding and counted. Throws
  // InputError when the products file is missing, a required column is
  // absent, the dates cannot be read, or no row at all is usable.
  static LoadedData load(const std::string& source, const AdventureWorksFiles& files,
                         const LoadOptions& options);
};

}  // namespace foresight
