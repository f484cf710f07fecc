// Totals of the real Adventure Works export computed the plain way, with no
// Foresight code, for tests to compare the loader and the CLI against.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "DataFixtures.h"

namespace foresight::test {

// sum(OrderQuantity x ProductPrice) over all lines, in 1e-4 units (prices
// have at most 4 decimals), computed by plain string splitting: the key is
// the products file's first field and the price its last one.
struct AwRawTotals {
  long long revenue = 0;
  long long cost = 0;
  std::size_t orderLines = 0;
  std::map<std::string, long long> byTerritoryKey;
  std::set<std::pair<std::string, std::string>> dateOrders;

  static AwRawTotals of(const std::filesystem::path& dir);
};

inline long long tenThousandths(const std::string& text) {
  const auto dot = text.find('.');
  long long whole = std::stoll(text.substr(0, dot));
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  frac.resize(4, '0');
  return whole * 10000 + std::stoll(frac);
}

inline AwRawTotals AwRawTotals::of(const std::filesystem::path& dir) {
  std::map<std::string, long long> price, cost;
  const auto products = lines(readText(dir / "AdventureWorks_Products.csv"));
  for (std::size_t i = 1; i < products.size(); ++i) {
    const std::string& line = products[i];
    const auto last = line.rfind(','), beforeLast = line.rfind(',', last - 1);
    price[line.substr(0, line.find(','))] = tenThousandths(line.substr(last + 1));
    cost[line.substr(0, line.find(','))] = tenThousandths(line.substr(beforeLast + 1, last - beforeLast - 1));
  }
  AwRawTotals t;
  for (const char* year : {"2015", "2016", "2017"}) {
    const auto sales = lines(readText(dir / (std::string("AdventureWorks_Sales_") + year + ".csv")));
    for (std::size_t i = 1; i < sales.size(); ++i) {
      const auto f = split(sales[i], ',');
      const long long amount = std::stoll(f[7]) * price.at(f[3]);
      t.revenue += amount;
      t.cost += std::stoll(f[7]) * cost.at(f[3]);
      t.byTerritoryKey[f[5]] += amount;
      t.dateOrders.insert({f[0], f[2]});
      ++t.orderLines;
    }
  }
  return t;
}

}  // namespace foresight::test
