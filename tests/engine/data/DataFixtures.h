// Helpers shared by the data-layer tests: writing fixture files, a small
// Adventure Works export with known totals, and catching the typed errors.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "TestSupport.h"
#include "engine/common/Errors.h"

namespace foresight::test {

inline void writeText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string readText(const std::filesystem::path& path) {
  // C stdio: GCC 12 reports false null dereferences inside istreambuf_iterator.
  std::string text;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
  }
  return text;
}

// Fields of a line split at `sep` (no quoting: for raw files known to have none there).
inline std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == sep) {
      out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

// Non-empty lines of a text, without their CR.
inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  for (auto& l : split(text, '\n')) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (!l.empty()) out.push_back(std::move(l));
  }
  return out;
}

// The message of the InputError or UsageError `f` throws, prefixed with its
// type ("input: ", "usage: "); "no error" when it throws nothing.
inline std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return std::string("input: ") + e.what();
  } catch (const UsageError& e) {
    return std::string("usage: ") + e.what();
  }
  return "no error";
}

// Whether `text` contains every needle.
inline bool mentions(const std::string& text, const std::vector<std::string>& needles) {
  for (const auto& n : needles)
    if (text.find(n) == std::string::npos) return false;
  return true;
}

// A miniature Adventure Works export: 3 products, 2 territories, sales lines
// given by the test. Revenue of a line = quantity x price below.
struct AwFixture {
  static constexpr const char* kSalesHeader =
      "OrderDate,StockDate,OrderNumber,ProductKey,CustomerKey,TerritoryKey,OrderLineItem,OrderQuantity\r\n";

  std::filesystem::path dir;

  explicit AwFixture(const std::string& tag, bool withLookups = true) : dir(makeTempDir(tag)) {
    writeText(dir / "AdventureWorks_Products.csv",
              "ProductKey,ProductSubcategoryKey,ProductSKU,ProductName,ModelName,ProductDescription,"
              "ProductColor,ProductSize,ProductStyle,ProductCost,ProductPrice\r\n"
              "1,1,BK-1,\"Road Bike, Red\",Road,\"Fast, light\",Red,58,U,1000.5,2443.35\r\n"
              "2,2,HL-1,Helmet,Helmet,Safe,Black,0,0,13.0863,34.99\r\n"
              "3,2,HL-2,\"Sport-100 Helmet, Blue\",Sport,\"Universal fit, well-vented\",Blue,0,0,12.0278,33.6442\r\n");
    if (!withLookups) return;
    writeText(dir / "AdventureWorks_Territories.csv",
              "SalesTerritoryKey,Region,Country,Continent\r\n1,Northwest,United States,North America\r\n"
              "7,France,France,Europe\r\n");
    writeText(dir / "AdventureWorks_Product_Subcategories.csv",
              "ProductSubcategoryKey,SubcategoryName,ProductCategoryKey\r\n1,Road Bikes,1\r\n2,Helmets,4\r\n");
    writeText(dir / "AdventureWorks_Product_Categories.csv",
              "ProductCategoryKey,CategoryName\r\n1,Bikes\r\n4,Accessories\r\n");
  }

  // Writes AdventureWorks_Sales_<year>.csv with the header and `lines`
  // (each "OrderDate,StockDate,OrderNumber,ProductKey,CustomerKey,TerritoryKey,OrderLineItem,OrderQuantity").
  std::filesystem::path sales(const std::string& year, const std::string& lines) const {
    const auto p = dir / ("AdventureWorks_Sales_" + year + ".csv");
    writeText(p, std::string(kSalesHeader) + lines);
    return p;
  }
};

}  // namespace foresight::test
