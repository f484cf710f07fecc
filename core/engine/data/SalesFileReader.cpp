#include "engine/data/SalesFileReader.h"

#include <charconv>   // std::from_chars
#include <stdexcept>  // std::overflow_error

#include "engine/common/Text.h"
#include "engine/data/LoggedTableReader.h"
#include "engine/data/TableColumns.h"

namespace foresight {

namespace {

const std::vector<std::string_view> kSalesColumns = {
    "OrderDate", "StockDate", "OrderNumber", "ProductKey", "CustomerKey", "TerritoryKey",
    "OrderLineItem", "OrderQuantity"};

void reject(LoadedData& out, std::string_view code, std::string_view message, const RawTable& t,
            std::size_t r, std::size_t col) {
  out.findings.addRejectedRow(code, message, InputLocation{t.source, t.lineNumbers[r], t.header[col], t.rows[r][col]});
}

}  // namespace

void SalesFileReader::read(const std::string& path, LoadedData& out) {
  DelimitedReadOptions opts;
  opts.hasHeader = true;
  const RawTable t = LoggedTableReader::read(path, "sales", ',', opts, out);
  const Columns c{TableColumns::require(t, "OrderDate", kSalesColumns),
                  TableColumns::require(t, "OrderNumber", kSalesColumns),
                  TableColumns::require(t, "ProductKey", kSalesColumns),
                  TableColumns::require(t, "TerritoryKey", kSalesColumns),
                  TableColumns::require(t, "OrderLineItem", kSalesColumns),
                  TableColumns::require(t, "OrderQuantity", kSalesColumns)};
  const std::uint32_t fileIndex = out.facts.addFile(path);
  out.rowsRead += t.rows.size();
  if (t.rows.empty()) {
    out.findings.add(Severity::Warning, "empty_file", "the sales file has a header but no rows",
                     InputLocation{path, 0, "", ""});
    return;
  }
  DateFormat format = DateFormat::DayMonthYear;
  if (dateFormat_) {
    format = *dateFormat_;
  } else {
    std::vector<std::string_view> values;
    values.reserve(t.rows.size());
    for (const auto& row : t.rows) values.push_back(row[c.date]);
    format = DateParser::detectColumn(values, t.lineNumbers, path, t.header[c.date]);
  }
  out.facts.reserve(out.facts.rowCount() + t.rows.size());
  duplicates_.reserveMore(t.rows.size());
  out.facts.orderIds().reserveMore(t.rows.size() / 2);  // about two lines per order
  FactRow row;
  row.file = fileIndex;
  std::size_t used = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (!makeRow(t, r, c, format, row, out)) continue;
    const auto& fields = t.rows[r];
    duplicates_.check(std::string(trimBlanks(fields[c.order])) + "/" + std::string(trimBlanks(fields[c.lineItem])),
                      fields, fileIndex, row.line, out.facts.files(), out.findings);
    out.facts.append(row);
    ++used;
  }
  out.tables.back().rowsUsed = used;
}

bool SalesFileReader::makeRow(const RawTable& t, std::size_t r, const Columns& c, DateFormat format,
                              FactRow& row, LoadedData& out) {
  const auto& f = t.rows[r];
  for (std::size_t col : {c.date, c.order, c.product, c.territory, c.quantity})
    if (trimBlanks(f[col]).empty()) {
      reject(out, "missing_value", "row rejected: a required field is empty", t, r, col);
      return false;
    }
  const auto date = DateParser::parse(f[c.date], format);
  if (!date) {
    reject(out, "bad_date",
           "row rejected: not a date in the column's format " + std::string(dateFormatName(format)),
           t, r, c.date);
    return false;
  }
  const AwProduct* product = catalog_.product(f[c.product]);
  if (!product) {
    reject(out, "unknown_product", "row rejected: ProductKey is not in AdventureWorks_Products.csv",
           t, r, c.product);
    return false;
  }
  const AwTerritory* territory = catalog_.territory(f[c.territory]);
  if (!territory && catalog_.hasTerritories()) {
    reject(out, "unknown_territory",
           "row rejected: TerritoryKey is not in AdventureWorks_Territories.csv", t, r, c.territory);
    return false;
  }
  const std::string_view q = trimBlanks(f[c.quantity]);
  std::int64_t quantity = 0;
  const auto [ptr, ec] = std::from_chars(q.data(), q.data() + q.size(), quantity);
  if (ec != std::errc() || ptr != q.data() + q.size()) {
    reject(out, "non_numeric", "row rejected: OrderQuantity is not a whole number", t, r, c.quantity);
    return false;
  }
  try {
    row.values[measureIndex(Measure::Revenue)] = product->price.times(quantity);
    row.values[measureIndex(Measure::Cost)] = product->cost.times(quantity);
    // fromInteger() does not check for overflow; times() does.
    row.values[measureIndex(Measure::Quantity)] = Decimal::fromInteger(1).times(quantity);
  } catch (const std::overflow_error&) {
    reject(out, "out_of_range", "row rejected: OrderQuantity x price is out of range", t, r, c.quantity);
    return false;
  }
  if (quantity < 0)
    out.findings.add(Severity::Warning, "negative_value",
                     "negative OrderQuantity (a return booked as a sale?); the row is kept",
                     InputLocation{t.source, t.lineNumbers[r], t.header[c.quantity], f[c.quantity]});
  row.date = *date;
  row.line = static_cast<std::uint32_t>(t.lineNumbers[r]);
  row.order = out.facts.orderIds().intern(trimBlanks(f[c.order]));
  setProductCodes(*product, row, out.facts);
  setTerritoryCodes(trimBlanks(f[c.territory]), territory, row, out.facts);
  return true;
}

void SalesFileReader::setProductCodes(const AwProduct& p, FactRow& row, FactTable& facts) {
  auto it = productCodes_.find(&p);
  if (it == productCodes_.end()) {
    const std::array<std::int32_t, 3> codes = {
        facts.dictionary(Dimension::Product).intern(p.name),
        facts.hasDimension(Dimension::Subcategory) ? facts.dictionary(Dimension::Subcategory).intern(p.subcategory) : -1,
        facts.hasDimension(Dimension::Category) ? facts.dictionary(Dimension::Category).intern(p.category) : -1};
    it = productCodes_.emplace(&p, codes).first;
  }
  row.dims[dimensionIndex(Dimension::Product)] = it->second[0];
  row.dims[dimensionIndex(Dimension::Subcategory)] = it->second[1];
  row.dims[dimensionIndex(Dimension::Category)] = it->second[2];
}

void SalesFileReader::setTerritoryCodes(std::string_view key, const AwTerritory* t, FactRow& row,
                                        FactTable& facts) {
  auto it = territoryCodes_.find(std::string(key));
  if (it == territoryCodes_.end()) {
    // Without the territories file the key is all we know: "territory 7".
    const std::array<std::int32_t, 3> codes = {
        facts.dictionary(Dimension::Territory).intern(t ? t->name : "territory " + std::string(key)),
        t ? facts.dictionary(Dimension::Region).intern(t->region) : -1,
        t ? facts.dictionary(Dimension::Country).intern(t->country) : -1};
    it = territoryCodes_.emplace(std::string(key), codes).first;
  }
  row.dims[dimensionIndex(Dimension::Territory)] = it->second[0];
  row.dims[dimensionIndex(Dimension::Region)] = it->second[1];
  row.dims[dimensionIndex(Dimension::Country)] = it->second[2];
}

}  // namespace foresight
