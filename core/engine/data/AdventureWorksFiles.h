// The files of an Adventure Works sales export found in one folder.
#pragma once

#include <string>
#include <vector>

namespace foresight {

struct AdventureWorksFiles {
  std::vector<std::string> sales;  // AdventureWorks_Sales_*.csv, sorted by name
  std::string products;            // required for revenue and cost; empty when absent
  std::string subcategories, categories, territories, returns, calendar;  // optional
  std::vector<std::string> ignored;  // other files in the folder

  // Names match ignoring case (exports made on Windows vary).
  static AdventureWorksFiles scan(const std::string& folder);
  // Whether a file name is a sales file (AdventureWorks_Sales_<anything>.csv).
  static bool isSalesFileName(const std::string& fileName);
};

}  // namespace foresight
