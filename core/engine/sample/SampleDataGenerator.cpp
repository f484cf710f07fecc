#include "engine/sample/SampleDataGenerator.h"

#include <map>
#include <nlohmann/json.hpp>

#include "engine/common/Errors.h"
#include "engine/common/Version.h"
#include "engine/sample/SampleCatalog.h"
#include "engine/sample/SampleCsvWriter.h"
#include "engine/sample/SampleFolder.h"
#include "engine/sample/SampleOrderGenerator.h"

namespace foresight {

namespace fs = std::filesystem;

namespace {
// Header lines exactly as in the real export.
constexpr std::string_view kSalesHeader =
    "OrderDate,StockDate,OrderNumber,ProductKey,CustomerKey,TerritoryKey,OrderLineItem,"
    "OrderQuantity";
constexpr std::string_view kProductsHeader =
    "ProductKey,ProductSubcategoryKey,ProductSKU,ProductName,ModelName,ProductDescription,"
    "ProductColor,ProductSize,ProductStyle,ProductCost,ProductPrice";
constexpr std::string_view kSubcategoriesHeader =
    "ProductSubcategoryKey,SubcategoryName,ProductCategoryKey";
constexpr std::string_view kCategoriesHeader = "ProductCategoryKey,CategoryName";
constexpr std::string_view kTerritoriesHeader = "SalesTerritoryKey,Region,Country,Continent";
constexpr std::string_view kReturnsHeader = "ReturnDate,TerritoryKey,ProductKey,ReturnQuantity";
constexpr std::string_view kCalendarHeader = "Date";

std::string num(std::int64_t v) {
  return std::to_string(v);
}

// One Sales file per calendar year, keyed by year.
std::map<int, SampleCsvWriter> salesWriters(const fs::path& dir, Date start, Date end) {
  std::map<int, SampleCsvWriter> writers;
  for (int y = start.year(); y <= end.year(); ++y)
    writers.emplace(y, SampleCsvWriter(dir / ("AdventureWorks_Sales_" + std::to_string(y) + ".csv"),
                                       kSalesHeader));
  return writers;
}

SampleFileInfo saved(const SampleCsvWriter& w, std::string name) {
  const std::size_t bytes = w.save();
  return {std::move(name), w.rows(), bytes};
}

// Products, subcategories, categories and territories, in that order.
void writeMasterTables(const fs::path& dir, std::vector<SampleFileInfo>& files) {
  const auto& names = SampleFolder::tableFileNames();
  SampleCsvWriter products(dir / names[0], kProductsHeader);
  for (const auto& p : SampleCatalog::products())
    products.row({num(p.key), num(p.subcategoryKey), p.sku, p.name, p.model, p.description, p.color,
                  p.size, p.style, p.cost, p.price});
  files.push_back(saved(products, names[0]));
  SampleCsvWriter subcategories(dir / names[1], kSubcategoriesHeader);
  for (const auto& s : SampleCatalog::subcategories())
    subcategories.row({num(s.key), s.name, num(s.categoryKey)});
  files.push_back(saved(subcategories, names[1]));
  SampleCsvWriter categories(dir / names[2], kCategoriesHeader);
  for (const auto& c : SampleCatalog::categories()) categories.row({num(c.key), c.name});
  files.push_back(saved(categories, names[2]));
  SampleCsvWriter territories(dir / names[3], kTerritoriesHeader);
  for (const auto& t : SampleCatalog::territories())
    territories.row({num(t.key), t.region, t.country, t.continent});
  files.push_back(saved(territories, names[3]));
}

// What was asked, so a later run recognises the folder as a sample.
std::string markerText(const SampleDataOptions& o) {
  const nlohmann::ordered_json marker = {{"generator", "foresight data sample"},
                                         {"seed", o.seed},
                                         {"start", o.start.toIso()},
                                         {"end", o.end.toIso()},
                                         {"tool_version", kToolVersion}};
  return marker.dump(2) + "\n";
}
}  // namespace

std::string SampleDataGenerator::formatDate(Date day) {
  const int d = day.day(), m = day.month(), y = day.year();
  std::string s = "00-00-0000";
  s[0] = static_cast<char>('0' + d / 10);
  s[1] = static_cast<char>('0' + d % 10);
  s[3] = static_cast<char>('0' + m / 10);
  s[4] = static_cast<char>('0' + m % 10);
  for (int i = 9, v = y; i >= 6; --i, v /= 10)
    s[static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
  return s;
}

void SampleDataGenerator::validate(const SampleDataOptions& o) {
  // Four-digit years: the file names and the DD-MM-YYYY format need them.
  if (o.start.year() < 1000 || o.start.year() > 9999)
    throw InputError({"", 0, "start", o.start.toIso()}, "year must have four digits (1000..9999)");
  if (o.end.year() < 1000 || o.end.year() > 9999)
    throw InputError({"", 0, "end", o.end.toIso()}, "year must have four digits (1000..9999)");
  if (o.end < o.start)
    throw InputError({"", 0, "end", o.end.toIso()}, "is before the start " + o.start.toIso());
  if (o.end - o.start + 1 > SampleDataOptions::kMaxDays)
    throw InputError({"", 0, "end", o.end.toIso()},
                     "range is " + std::to_string(o.end - o.start + 1) +
                         " days; the sample covers at most " +
                         std::to_string(SampleDataOptions::kMaxDays));
}

SampleDataSummary SampleDataGenerator::write(const fs::path& dir,
                                             const SampleDataOptions& options) {
  validate(options);
  SampleFolder::prepare(dir, options.overwrite);
  // The marker goes first: a run that fails half-way still leaves a folder a
  // rerun may overwrite.
  SampleCsvWriter::writeFile(dir / SampleFolder::kMarkerName, markerText(options));

  const SampleOrders orders =
      SampleOrderGenerator(options.seed).generate(options.start, options.end);
  SampleDataSummary summary{dir, options.seed,        options.start,     options.end,
                            {},  orders.lines.size(), orders.orderCount, orders.returns.size(),
                            0};
  const auto products = SampleCatalog::products();
  auto sales = salesWriters(dir, options.start, options.end);
  for (const auto& l : orders.lines) {
    const auto& p = products[static_cast<std::size_t>(l.productIndex)];
    sales.at(l.orderDate.year())
        .row({formatDate(l.orderDate), formatDate(l.stockDate), "SO" + num(l.orderNumber),
              num(p.key), num(l.customerKey), num(l.territoryKey), num(l.lineItem),
              num(l.quantity)});
    summary.revenueTenThousandths += l.quantity * SampleCatalog::toTenThousandths(p.price);
  }
  for (const auto& [year, writer] : sales)
    summary.files.push_back(saved(writer, "AdventureWorks_Sales_" + std::to_string(year) + ".csv"));

  writeMasterTables(dir, summary.files);
  const auto& names = SampleFolder::tableFileNames();
  SampleCsvWriter returns(dir / names[4], kReturnsHeader);
  for (const auto& r : orders.returns)
    returns.row({formatDate(r.date), num(r.territoryKey), num(r.productKey), num(r.quantity)});
  summary.files.push_back(saved(returns, names[4]));
  SampleCsvWriter calendar(dir / names[5], kCalendarHeader);
  for (Date d = options.start; d <= options.end; d = d.addDays(1)) calendar.row({formatDate(d)});
  summary.files.push_back(saved(calendar, names[5]));
  return summary;
}

}  // namespace foresight
