// Turns the rows of one AdventureWorks_Sales_*.csv into facts, rejecting the
// rows it cannot use with a located finding each.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/data/AdventureWorksCatalog.h"
#include "engine/data/DuplicateTracker.h"
#include "engine/data/LoadedData.h"
#include "engine/io/DateParser.h"
#include "engine/io/RawTable.h"

namespace foresight {

class SalesFileReader {
 public:
  SalesFileReader(const AdventureWorksCatalog& catalog, DuplicateTracker& duplicates,
                  std::optional<DateFormat> dateFormat)
      : catalog_(catalog), duplicates_(duplicates), dateFormat_(dateFormat) {}

  // Appends the file's usable rows to out.facts; counts out.rowsRead.
  void read(const std::string& path, LoadedData& out);

 private:
  struct Columns {
    std::size_t date, order, product, territory, lineItem, quantity;
  };
  // Fills `row` from table row r; false (after adding a finding) when it is rejected.
  bool makeRow(const RawTable& t, std::size_t r, const Columns& c, DateFormat format, FactRow& row,
               LoadedData& out);
  void setProductCodes(const AwProduct& p, FactRow& row, FactTable& facts);
  void setTerritoryCodes(std::string_view key, const AwTerritory* t, FactRow& row, FactTable& facts);

  const AdventureWorksCatalog& catalog_;
  DuplicateTracker& duplicates_;
  std::optional<DateFormat> dateFormat_;
  // Dimension codes per product/territory, so each row costs one look-up.
  std::unordered_map<const AwProduct*, std::array<std::int32_t, 3>> productCodes_;
  std::unordered_map<std::string, std::array<std::int32_t, 3>> territoryCodes_;
};

}  // namespace foresight
