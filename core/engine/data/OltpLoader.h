// Loads one Adventure Works OLTP export table (TransactionHistory,
// TransactionHistoryArchive, SalesOrderHeader, PurchaseOrderHeader,
// SalesOrderHeaderSalesReason) into a FactTable, as OltpTableSpec describes.
#pragma once

#include <string>

#include "engine/data/LoadOptions.h"
#include "engine/data/LoadedData.h"
#include "engine/data/OltpTableSpec.h"

namespace foresight {

class OltpLoader {
 public:
  // Throws InputError naming the file, the line and the expected column list
  // when a row has the wrong number of columns (a comma-separated or
  // different table), and when no row is usable. Bad values reject their row
  // with a located finding.
  static LoadedData load(const std::string& path, const OltpTableSpec& spec, const LoadOptions& options);
};

}  // namespace foresight
