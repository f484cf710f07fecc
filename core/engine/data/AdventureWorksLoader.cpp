#include "engine/data/AdventureWorksLoader.h"

#include "engine/data/AdventureWorksCatalog.h"
#include "engine/data/DuplicateTracker.h"
#include "engine/data/LoggedTableReader.h"
#include "engine/data/SalesFileReader.h"
#include "engine/data/TableColumns.h"

namespace foresight {

namespace {

std::vector<Dimension> dimensionsFor(const AdventureWorksCatalog& c) {
  std::vector<Dimension> dims = {Dimension::Territory};
  if (c.hasTerritories()) dims.insert(dims.end(), {Dimension::Region, Dimension::Country});
  if (c.hasCategories()) dims.push_back(Dimension::Category);
  if (c.hasSubcategories()) dims.push_back(Dimension::Subcategory);
  dims.push_back(Dimension::Product);
  return dims;
}

void countReturns(const std::string& path, LoadedData& out) {
  DelimitedReadOptions o;
  o.hasHeader = true;
  try {
    const RawTable t = LoggedTableReader::read(path, "returns", ',', o, out);
    out.findings.add(Severity::Info, "returns",
                     "return lines found; the sales measures are gross (returns are not subtracted)",
                     InputLocation{path, 0, "", ""}, std::to_string(t.rows.size()) + " return lines");
  } catch (const InputError& e) {
    // Returns feed no measure, so a broken returns file is worth a warning only.
    out.findings.add(Severity::Warning, "unreadable_returns", "the returns file could not be read",
                     e.where(), e.problem());
  }
}

}  // namespace

LoadedData AdventureWorksLoader::load(const std::string& source, const AdventureWorksFiles& files,
                                      const LoadOptions& options) {
  if (files.sales.empty())
    throw InputError(InputLocation{source, 0, "", ""},
                     "no sales files: an Adventure Works export needs AdventureWorks_Sales_*.csv");
  if (files.products.empty())
    throw InputError(InputLocation{source, 0, "", ""},
                     "AdventureWorks_Products.csv is missing: revenue and cost need ProductPrice and "
                     "ProductCost");
  LoadedData out;
  out.source = source;
  out.kind = "adventureworks";
  out.description = "Adventure Works sales export";
  out.defaultMeasure = Measure::Revenue;
  options.report(0.0, "reading lookup tables");
  const AdventureWorksCatalog catalog = AdventureWorksCatalog::load(files, out);
  out.facts = FactTable({Measure::Revenue, Measure::Cost, Measure::Quantity, Measure::Orders},
                        dimensionsFor(catalog), true);
  DuplicateTracker duplicates("OrderNumber+OrderLineItem");
  SalesFileReader reader(catalog, duplicates, options.columns.dateFormat);
  for (std::size_t i = 0; i < files.sales.size(); ++i) {
    options.checkCancelled();
    options.report(0.1 + 0.85 * static_cast<double>(i) / static_cast<double>(files.sales.size()),
                   "reading " + files.sales[i]);
    reader.read(files.sales[i], out);
  }
  if (!files.returns.empty()) countReturns(files.returns, out);
  out.rowsRejected = out.rowsRead - out.facts.rowCount();
  if (out.facts.rowCount() == 0) {
    if (out.rowsRead == 0)
      throw InputError(InputLocation{source, 0, "", ""},
                       "the sales files hold no order lines (only headers): " +
                           TableColumns::join(files.sales));
    std::string first;
    for (const auto& f : out.findings.findings())
      if (f.severity == Severity::Error && !f.examples.empty()) {
        first = f.examples.front().describe() + ": " + f.message;
        break;
      }
    throw InputError(InputLocation{source, 0, "", ""},
                     "all " + std::to_string(out.rowsRead) + " order lines were rejected; the first: " + first);
  }
  options.report(1.0, "loaded");
  return out;
}

}  // namespace foresight
