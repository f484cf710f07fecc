// A dataset as a loader returns it: the rows, what they came from, and the
// findings made while reading them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/data/FactTable.h"
#include "engine/data/FindingLog.h"
#include "engine/data/Measure.h"

namespace foresight {

// One file (or query) that contributed to a dataset.
struct TableInfo {
  std::string path;          // file path, or the redacted database URI
  std::string role;          // "sales", "products", "territories", "PurchaseOrderHeader", "query"...
  std::size_t rowsRead = 0;  // data rows (no header)
  std::size_t rowsUsed = 0;  // rows that became facts (0 for lookup tables)
};

struct LoadedData {
  std::string source;       // what the user named: folder, file or redacted URI
  std::string kind;         // "adventureworks", "oltp", "delimited", "sql"
  std::string description;  // "Adventure Works sales export", "OLTP table PurchaseOrderHeader"...
  std::vector<TableInfo> tables;
  Measure defaultMeasure = Measure::Amount;
  std::string amountLabel = "amount";  // what Amount is here: "TotalDue", "PaidAmount", a column name
  FactTable facts;
  FindingLog findings;
  std::size_t rowsRead = 0;      // fact rows read from every fact table
  std::size_t rowsRejected = 0;  // of which rejected (rowsRead - facts.rowCount())

  // The name a single, ungrouped series of measure m gets: "revenue", "TotalDue"...
  std::string seriesName(Measure m) const {
    return m == Measure::Amount ? amountLabel : std::string(measureName(m));
  }
};

}  // namespace foresight
