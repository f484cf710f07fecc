#include "engine/data/AdventureWorksFiles.h"

#include <algorithm>
#include <filesystem>

namespace foresight {

namespace {

std::string lowered(std::string s) {
  for (char& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  return s;
}

}  // namespace

bool AdventureWorksFiles::isSalesFileName(const std::string& fileName) {
  const std::string n = lowered(fileName);
  const std::string prefix = "adventureworks_sales_";
  return n.size() > prefix.size() + 4 && n.rfind(prefix, 0) == 0 &&
         n.compare(n.size() - 4, 4, ".csv") == 0;
}

AdventureWorksFiles AdventureWorksFiles::scan(const std::string& folder) {
  AdventureWorksFiles f;
  std::vector<std::filesystem::path> entries;
  for (const auto& e : std::filesystem::directory_iterator(folder))
    if (e.is_regular_file()) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    const std::string name = p.filename().string();
    const std::string n = lowered(name);
    if (isSalesFileName(name)) f.sales.push_back(p.string());
    else if (n == "adventureworks_products.csv") f.products = p.string();
    else if (n == "adventureworks_product_subcategories.csv") f.subcategories = p.string();
    else if (n == "adventureworks_product_categories.csv") f.categories = p.string();
    else if (n == "adventureworks_territories.csv") f.territories = p.string();
    else if (n == "adventureworks_returns.csv") f.returns = p.string();
    else if (n == "adventureworks_calendar.csv") f.calendar = p.string();
    else f.ignored.push_back(p.string());
  }
  return f;
}

}  // namespace foresight
