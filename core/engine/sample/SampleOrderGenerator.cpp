#include "engine/sample/SampleOrderGenerator.h"

#include <algorithm>  // std::stable_sort, std::none_of
#include <array>
#include <span>

#include "engine/sample/SampleCatalog.h"
#include "engine/sample/SampleDemand.h"

namespace foresight {

namespace {
// Draws an index with probability proportional to its weight.
std::size_t pickWeighted(SampleRandom& random, std::span<const std::int64_t> weights) {
  std::int64_t total = 0;
  for (auto w : weights) total += w;
  auto r = static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(total)));
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i]) return i;
    r -= weights[i];
  }
  return weights.size() - 1;
}

// Products of each category with their popularity, indexed by category key.
struct CategoryProducts {
  std::vector<int> index;
  std::vector<std::int64_t> weight;
};
const std::array<CategoryProducts, 5>& productsByCategory() {
  static const auto table = [] {
    std::array<CategoryProducts, 5> t;
    const auto products = SampleCatalog::products();
    for (std::size_t i = 0; i < products.size(); ++i) {
      auto& c = t[static_cast<std::size_t>(SampleCatalog::categoryOf(products[i]))];
      c.index.push_back(static_cast<int>(i));
      c.weight.push_back(products[i].popularity);
    }
    return t;
  }();
  return table;
}

// Lines per order: mostly single bikes before the level shift, baskets after.
constexpr std::int64_t kLinesBefore[] = {750, 200, 50};
constexpr std::int64_t kLinesAfter[] = {400, 300, 170, 90, 40};
// Non-bike lines by category: components, clothing, accessories.
constexpr int kOtherCategories[] = {SampleCatalog::kComponents, SampleCatalog::kClothing,
                                    SampleCatalog::kAccessories};
constexpr std::int64_t kOtherWeights[] = {15, 35, 50};
constexpr std::int64_t kSmallItemQuantity[] = {550, 300, 150};
}  // namespace

const SampleOrderGenerator::Customer& SampleOrderGenerator::pickCustomer() {
  // Seven in ten orders come from new customers; the rest are repeat buyers,
  // who keep their territory.
  if (customers_.empty() || random_.chance(700)) {
    std::vector<std::int64_t> weights;
    for (const auto& t : SampleCatalog::territories()) weights.push_back(t.weight);
    const auto t = pickWeighted(random_, weights);
    customers_.push_back({kFirstCustomerKey + static_cast<std::int64_t>(customers_.size()),
                          SampleCatalog::territories()[t].key});
    return customers_.back();
  }
  return customers_[random_.below(customers_.size())];
}

int SampleOrderGenerator::pickLineCount(bool afterShift) {
  const auto i =
      afterShift ? pickWeighted(random_, kLinesAfter) : pickWeighted(random_, kLinesBefore);
  return static_cast<int>(i) + 1;
}

int SampleOrderGenerator::pickProduct(bool firstLine, bool afterShift) {
  const std::int64_t bikePermille = firstLine ? (afterShift ? 750 : 800) : 30;
  const int category = random_.chance(bikePermille)
                           ? SampleCatalog::kBikes
                           : kOtherCategories[pickWeighted(random_, kOtherWeights)];
  const auto& c = productsByCategory()[static_cast<std::size_t>(category)];
  return c.index[pickWeighted(random_, c.weight)];
}

int SampleOrderGenerator::pickQuantity(int productIndex) {
  const auto& p = SampleCatalog::products()[static_cast<std::size_t>(productIndex)];
  if (SampleCatalog::categoryOf(p) == SampleCatalog::kBikes) return random_.chance(100) ? 2 : 1;
  return static_cast<int>(pickWeighted(random_, kSmallItemQuantity)) + 1;
}

void SampleOrderGenerator::appendOrder(Date day, std::int64_t number, Date end, SampleOrders& out) {
  const bool afterShift = day >= SampleDemand::kLevelShiftDate;
  const Customer customer = pickCustomer();  // a copy: the list may grow
  const int lineCount = pickLineCount(afterShift);
  const std::size_t firstIndex = out.lines.size();
  for (int line = 1; line <= lineCount; ++line) {
    // Real baskets rarely repeat a product: redraw (a few times) if it does.
    int product = pickProduct(line == 1, afterShift);
    for (int tries = 0; tries < 20; ++tries) {
      const auto begin = out.lines.begin() + static_cast<std::ptrdiff_t>(firstIndex);
      if (std::none_of(begin, out.lines.end(),
                       [&](const SampleOrderLine& l) { return l.productIndex == product; }))
        break;
      product = pickProduct(false, afterShift);
    }
    const int quantity = pickQuantity(product);
    const auto lag = static_cast<std::int32_t>(random_.between(kStockLagMin, kStockLagMax));
    out.lines.push_back({day, day.addDays(-lag), number, product, customer.key,
                         customer.territoryKey, line, quantity});
    if (random_.chance(kReturnPermille)) {
      const auto after = static_cast<std::int32_t>(random_.between(kReturnDaysMin, kReturnDaysMax));
      const int productKey = SampleCatalog::products()[static_cast<std::size_t>(product)].key;
      if (day.addDays(after) <= end)
        out.returns.push_back({day.addDays(after), customer.territoryKey, productKey, 1});
    }
  }
  ++out.orderCount;
}

SampleOrders SampleOrderGenerator::generate(Date start, Date end) {
  SampleOrders out;
  std::int64_t nextOrder = kFirstOrderNumber;
  for (Date day = start; day <= end; day = day.addDays(1)) {
    const std::int64_t expected = SampleDemand::expectedOrdersMilli(day);
    if (expected == 0) continue;  // a no-order day
    const std::int64_t noise =
        std::max<std::int64_t>(100, 1000 + random_.noisePermille(kNoisePermille));
    const std::int64_t milli = expected * noise / 1000;
    // Stochastic rounding keeps the mean exact without floating point.
    const std::int64_t orders = milli / 1000 + (random_.chance(milli % 1000) ? 1 : 0);
    for (std::int64_t o = 0; o < orders; ++o) appendOrder(day, nextOrder++, end, out);
  }
  std::stable_sort(out.returns.begin(), out.returns.end(),
                   [](const SampleReturn& a, const SampleReturn& b) { return a.date < b.date; });
  return out;
}

}  // namespace foresight
