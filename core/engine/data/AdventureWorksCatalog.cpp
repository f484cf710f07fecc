#include "engine/data/AdventureWorksCatalog.h"

#include "engine/common/Text.h"
#include "engine/data/LoggedTableReader.h"
#include "engine/data/TableColumns.h"

namespace foresight {

namespace {

DelimitedReadOptions headed() {
  DelimitedReadOptions o;
  o.hasHeader = true;
  return o;
}

// A money column of a lookup table: a bad value makes every sale of the
// product unusable, so it stops the load with its location.
Decimal requireMoney(const RawTable& t, std::size_t row, std::size_t col) {
  const std::string& text = t.rows[row][col];
  const auto d = Decimal::parse(text);
  if (!d)
    throw InputError(InputLocation{t.source, t.lineNumbers[row], t.header[col], text},
                     "not a number (expected plain decimals like 34.99)");
  return *d;
}

}  // namespace

AdventureWorksCatalog AdventureWorksCatalog::load(const AdventureWorksFiles& files, LoadedData& out) {
  AdventureWorksCatalog c;
  c.loadProducts(files.products, out);
  const auto subcategories = c.loadSubcategories(files, out);
  for (auto& [key, product] : c.products_) {
    if (!c.hasSubcategories_) break;  // names stay empty: no (sub)category grouping
    const std::string& sub = c.productSubcategoryKey_[key];
    if (const auto it = subcategories.find(sub); it != subcategories.end()) {
      product.subcategory = it->second.first;
      product.category = it->second.second;
    } else {
      // Adventure Works leaves components without a subcategory in some extracts.
      product.subcategory = sub.empty() ? "(none)" : "(unknown subcategory " + sub + ")";
      product.category = product.subcategory;
      out.findings.add(Severity::Warning, "unknown_subcategory",
                       "product's ProductSubcategoryKey is not in the subcategories file; grouped "
                       "under '(unknown subcategory ...)'",
                       InputLocation{files.products, 0, "ProductSubcategoryKey", sub},
                       "ProductKey " + key);
    }
  }
  if (!files.territories.empty()) c.loadTerritories(files.territories, out);
  else
    out.findings.add(Severity::Info, "no_territories",
                     "no AdventureWorks_Territories.csv: TerritoryKey is not checked and the sales "
                     "cannot be grouped by region or country");
  return c;
}

void AdventureWorksCatalog::loadProducts(const std::string& path, LoadedData& out) {
  const RawTable t = LoggedTableReader::read(path, "products", ',', headed(), out);
  const std::vector<std::string_view> expected = {"ProductKey", "ProductSubcategoryKey", "ProductName",
                                                  "ProductCost", "ProductPrice"};
  const std::size_t keyCol = TableColumns::require(t, "ProductKey", expected);
  const std::size_t costCol = TableColumns::require(t, "ProductCost", expected);
  const std::size_t priceCol = TableColumns::require(t, "ProductPrice", expected);
  const int nameCol = TableColumns::find(t, "ProductName");
  const int subCol = TableColumns::find(t, "ProductSubcategoryKey");
  KeyMap<std::size_t> firstLine;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const std::string key(trimBlanks(row[keyCol]));
    if (key.empty())
      throw InputError(InputLocation{path, t.lineNumbers[r], "ProductKey", ""}, "empty ProductKey");
    if (const auto [it, isNew] = firstLine.emplace(key, t.lineNumbers[r]); !isNew)
      throw InputError(InputLocation{path, t.lineNumbers[r], "ProductKey", key},
                       "ProductKey repeated (first at line " + std::to_string(it->second) +
                           "): the price of its sales would be ambiguous");
    AwProduct p{requireMoney(t, r, priceCol), requireMoney(t, r, costCol), "", "", ""};
    p.name = nameCol >= 0 ? std::string(trimBlanks(row[static_cast<std::size_t>(nameCol)])) : "";
    if (p.name.empty()) p.name = "product " + key;
    if (subCol >= 0) productSubcategoryKey_[key] = std::string(trimBlanks(row[static_cast<std::size_t>(subCol)]));
    products_.emplace(key, std::move(p));
  }
  if (products_.empty())
    throw InputError(InputLocation{path, 0, "", ""}, "the products file holds no products");
}

AdventureWorksCatalog::KeyMap<std::pair<std::string, std::string>>
AdventureWorksCatalog::loadSubcategories(const AdventureWorksFiles& files, LoadedData& out) {
  KeyMap<std::pair<std::string, std::string>> subs;
  if (files.subcategories.empty() || productSubcategoryKey_.empty()) {
    out.findings.add(Severity::Info, "no_subcategories",
                     "no AdventureWorks_Product_Subcategories.csv (or no ProductSubcategoryKey): the "
                     "sales cannot be grouped by subcategory or category");
    return subs;
  }
  KeyMap<std::string> categoryNames;
  if (!files.categories.empty()) {
    const RawTable c = LoggedTableReader::read(files.categories, "categories", ',', headed(), out);
    const std::vector<std::string_view> expected = {"ProductCategoryKey", "CategoryName"};
    const std::size_t k = TableColumns::require(c, "ProductCategoryKey", expected);
    const std::size_t n = TableColumns::require(c, "CategoryName", expected);
    for (const auto& row : c.rows) categoryNames[std::string(trimBlanks(row[k]))] = trimBlanks(row[n]);
    hasCategories_ = true;
  } else {
    out.findings.add(Severity::Info, "no_categories",
                     "no AdventureWorks_Product_Categories.csv: the sales cannot be grouped by category");
  }
  const RawTable s = LoggedTableReader::read(files.subcategories, "subcategories", ',', headed(), out);
  const std::vector<std::string_view> expected = {"ProductSubcategoryKey", "SubcategoryName",
                                                  "ProductCategoryKey"};
  const std::size_t k = TableColumns::require(s, "ProductSubcategoryKey", expected);
  const std::size_t n = TableColumns::require(s, "SubcategoryName", expected);
  const std::size_t cat = TableColumns::require(s, "ProductCategoryKey", expected);
  for (const auto& row : s.rows) {
    const std::string catKey(trimBlanks(row[cat]));
    const auto it = categoryNames.find(catKey);
    std::string category = it != categoryNames.end() ? it->second : "(unknown category " + catKey + ")";
    subs[std::string(trimBlanks(row[k]))] = {std::string(trimBlanks(row[n])), std::move(category)};
  }
  hasSubcategories_ = true;
  return subs;
}

void AdventureWorksCatalog::loadTerritories(const std::string& path, LoadedData& out) {
  const RawTable t = LoggedTableReader::read(path, "territories", ',', headed(), out);
  const std::vector<std::string_view> expected = {"SalesTerritoryKey", "Region", "Country", "Continent"};
  const std::size_t k = TableColumns::require(t, "SalesTerritoryKey", expected);
  const std::size_t region = TableColumns::require(t, "Region", expected);
  const std::size_t country = TableColumns::require(t, "Country", expected);
  const std::size_t continent = TableColumns::require(t, "Continent", expected);
  for (const auto& row : t.rows)
    territories_[std::string(trimBlanks(row[k]))] =
        AwTerritory{std::string(trimBlanks(row[region])), std::string(trimBlanks(row[country])),
                    std::string(trimBlanks(row[continent]))};
  if (territories_.empty())
    throw InputError(InputLocation{path, 0, "", ""}, "the territories file holds no territories");
}

const AwProduct* AdventureWorksCatalog::product(std::string_view key) const {
  const auto it = products_.find(trimBlanks(key));
  return it == products_.end() ? nullptr : &it->second;
}

const AwTerritory* AdventureWorksCatalog::territory(std::string_view key) const {
  const auto it = territories_.find(trimBlanks(key));
  return it == territories_.end() ? nullptr : &it->second;
}

}  // namespace foresight
