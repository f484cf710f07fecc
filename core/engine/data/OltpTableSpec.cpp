#include "engine/data/OltpTableSpec.h"

#include <stdexcept>  // std::logic_error
#include <string>

namespace foresight {

namespace {

using Rule = OltpTableSpec::AmountRule;

const std::vector<std::string_view> kTransactionColumns = {
    "TransactionID", "ProductID", "ReferenceOrderID", "ReferenceOrderLineID", "TransactionDate",
    "TransactionType", "Quantity", "ActualCost", "ModifiedDate"};

OltpTableSpec transactions(std::string_view name) {
  // PaidAmount = Quantity x ActualCost per TransactionDate, as the original
  // MLOps hack forecast it.
  return {name, kTransactionColumns, "TransactionDate", Rule::QuantityTimesColumn, "ActualCost",
          "PaidAmount", "Quantity", "ReferenceOrderID", {"TransactionID"}, "", "ProductID",
          Measure::Amount};
}

std::vector<OltpTableSpec> makeAll() {
  return {
      transactions("TransactionHistory"),
      transactions("TransactionHistoryArchive"),
      {"SalesOrderHeader",
       {"SalesOrderID", "RevisionNumber", "OrderDate", "DueDate", "ShipDate", "Status",
        "OnlineOrderFlag", "SalesOrderNumber", "PurchaseOrderNumber", "AccountNumber", "CustomerID",
        "SalesPersonID", "TerritoryID", "BillToAddressID", "ShipToAddressID", "ShipMethodID",
        "CreditCardID", "CreditCardApprovalCode", "CurrencyRateID", "SubTotal", "TaxAmt", "Freight",
        "TotalDue", "Comment", "rowguid", "ModifiedDate"},
       "OrderDate", Rule::Column, "TotalDue", "TotalDue", "", "SalesOrderID", {"SalesOrderID"},
       "TerritoryID", "", Measure::Amount},
      {"PurchaseOrderHeader",
       {"PurchaseOrderID", "RevisionNumber", "Status", "EmployeeID", "VendorID", "ShipMethodID",
        "OrderDate", "ShipDate", "SubTotal", "TaxAmt", "Freight", "TotalDue", "ModifiedDate"},
       "OrderDate", Rule::Column, "TotalDue", "TotalDue", "", "PurchaseOrderID", {"PurchaseOrderID"},
       "", "", Measure::Amount},
      {"SalesOrderHeaderSalesReason",
       {"SalesOrderID", "SalesReasonID", "ModifiedDate"},
       "ModifiedDate", Rule::None, "", "", "", "", {"SalesOrderID", "SalesReasonID"}, "", "",
       Measure::Orders},
  };
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  return out;
}

}  // namespace

std::vector<Measure> OltpTableSpec::measures() const {
  std::vector<Measure> m;
  if (amountRule != AmountRule::None) m.push_back(Measure::Amount);
  if (!quantityColumn.empty()) m.push_back(Measure::Quantity);
  m.push_back(Measure::Orders);
  return m;
}

std::size_t OltpTableSpec::indexOf(std::string_view column) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == column) return i;
  throw std::logic_error("OltpTableSpec " + std::string(name) + " has no column " + std::string(column));
}

const std::vector<OltpTableSpec>& OltpTableSpec::all() {
  static const std::vector<OltpTableSpec> specs = makeAll();
  return specs;
}

const OltpTableSpec* OltpTableSpec::forFileName(std::string_view fileName) {
  const std::string n = lowered(fileName);
  for (const auto& s : all())
    if (n == lowered(s.name) + ".csv") return &s;
  return nullptr;
}

}  // namespace foresight
