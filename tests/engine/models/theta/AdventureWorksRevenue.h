// Monthly Adventure Works revenue (sum of OrderQuantity x ProductPrice per
// order month, 2015-01 .. 2017-06) computed straight from ../shared/data,
// for the model tests; the same sum as tests/reference/theta/theta_reference.R.
#pragma once

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "TestSupport.h"
#include "engine/common/TimeSeries.h"

namespace foresight::test {

inline TimeSeries adventureWorksMonthlyRevenue() {
  TimeSeries s{"AdventureWorks revenue", Frequency::Monthly, *Date::fromYmd(2015, 1, 1), {}};
  const auto dir = sharedData("adventureworks");
  if (dir.empty()) return s;
  // Products: the key is the first field and the price the last; quoted
  // fields in between may hold commas, which this skips over.
  std::map<int, double> price;
  std::ifstream products(dir / "AdventureWorks_Products.csv");
  std::string line;
  std::getline(products, line);
  while (std::getline(products, line))
    if (!line.empty()) price[std::stoi(line.substr(0, line.find(',')))] = std::stod(line.substr(line.rfind(',') + 1));
  std::map<int, double> revenue;  // year * 12 + month - 1 -> revenue
  for (int year : {2015, 2016, 2017}) {
    std::ifstream sales(dir / ("AdventureWorks_Sales_" + std::to_string(year) + ".csv"));
    std::getline(sales, line);
    while (std::getline(sales, line)) {
      std::vector<std::string> f;
      std::size_t pos = 0;
      for (std::size_t c; (c = line.find(',', pos)) != std::string::npos; pos = c + 1) f.push_back(line.substr(pos, c - pos));
      f.push_back(line.substr(pos));
      if (f.size() < 8) continue;
      const int month = std::stoi(f[0].substr(3, 2)), y = std::stoi(f[0].substr(6, 4));  // DD-MM-YYYY
      revenue[y * 12 + month - 1] += std::stod(f[7]) * price.at(std::stoi(f[3]));
    }
  }
  s.values.resize(static_cast<Eigen::Index>(revenue.size()));
  Eigen::Index i = 0;
  for (const auto& [month, value] : revenue) s.values[i++] = value;
  return s;
}

}  // namespace foresight::test
