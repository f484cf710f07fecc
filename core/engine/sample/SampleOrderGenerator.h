// Draws the sample's orders and returns day by day from the demand pattern,
// a seed and the catalog; the same seed and range give the same orders.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/common/Date.h"
#include "engine/sample/SampleRandom.h"

namespace foresight {

// One row of AdventureWorks_Sales_<year>.csv.
struct SampleOrderLine {
  Date orderDate;
  Date stockDate;
  std::int64_t orderNumber;  // written as SO<number>
  int productIndex;          // into SampleCatalog::products()
  std::int64_t customerKey;
  int territoryKey;
  int lineItem;  // 1-based within the order
  int quantity;
};

// One row of AdventureWorks_Returns.csv.
struct SampleReturn {
  Date date;
  int territoryKey;
  int productKey;
  int quantity;
};

struct SampleOrders {
  std::vector<SampleOrderLine> lines;  // by order date, order, line item
  std::vector<SampleReturn> returns;   // by return date
  std::int64_t orderCount = 0;
};

class SampleOrderGenerator {
 public:
  static constexpr std::int64_t kFirstOrderNumber = 45080;
  static constexpr std::int64_t kFirstCustomerKey = 11000;
  // Day-to-day noise of the order count (standard deviation, per mille).
  static constexpr std::int64_t kNoisePermille = 180;
  // Share of order lines returned later (per mille), within kReturnDays.
  static constexpr std::int64_t kReturnPermille = 30;
  static constexpr int kReturnDaysMin = 3, kReturnDaysMax = 40;
  // Stock dates lie this many days before the order date, as in the real
  // export (whose stock dates are about 13 years earlier).
  static constexpr int kStockLagMin = 4760, kStockLagMax = 4870;

  explicit SampleOrderGenerator(std::uint64_t seed) : random_(seed) {}
  // Orders from start to end inclusive; returns falling after end are dropped.
  SampleOrders generate(Date start, Date end);

 private:
  struct Customer {
    std::int64_t key;
    int territoryKey;
  };
  // One order of one or more lines on `day`; its returns after `end` are dropped.
  void appendOrder(Date day, std::int64_t number, Date end, SampleOrders& out);
  const Customer& pickCustomer();
  int pickLineCount(bool afterShift);
  int pickProduct(bool firstLine, bool afterShift);
  int pickQuantity(int productIndex);

  SampleRandom random_;
  std::vector<Customer> customers_;
};

}  // namespace foresight
