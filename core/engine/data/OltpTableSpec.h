// The Adventure Works OLTP export tables Foresight reads (tab separated, no
// header, the table's column order) and what each one measures.
#pragma once

#include <string_view>
#include <vector>

#include "engine/data/Measure.h"

namespace foresight {

struct OltpTableSpec {
  // How the Amount measure is computed from a row.
  enum class AmountRule { None, Column, QuantityTimesColumn };

  std::string_view name;                  // "PurchaseOrderHeader"; the file is <name>.csv
  std::vector<std::string_view> columns;  // in file order
  std::string_view dateColumn;
  AmountRule amountRule = AmountRule::None;
  std::string_view amountColumn;          // TotalDue, or ActualCost for QuantityTimesColumn
  std::string_view amountLabel;           // the series name of Amount: "TotalDue", "PaidAmount"
  std::string_view quantityColumn;        // empty when the table has no quantity
  std::string_view orderColumn;           // distinct ids counted as orders; empty: one row, one order
  std::vector<std::string_view> keyColumns;  // primary key, for duplicate checks
  std::string_view territoryColumn;       // empty when the table has no territory
  std::string_view productColumn;         // empty when the table has no product
  Measure defaultMeasure = Measure::Amount;

  std::vector<Measure> measures() const;
  // Index of a column in `columns` (the column must exist).
  std::size_t indexOf(std::string_view column) const;

  static const std::vector<OltpTableSpec>& all();
  // The table a file name stands for ("SalesOrderHeader.csv", any case), or nullptr.
  static const OltpTableSpec* forFileName(std::string_view fileName);
};

}  // namespace foresight
