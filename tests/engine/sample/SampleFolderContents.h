// Reads a folder written by SampleDataGenerator back through the project's
// DelimitedReader, checking the layout on the way, for the sample tests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/Date.h"

namespace foresight::test {

struct SampleSalesLine {
  Date orderDate, stockDate;
  std::string orderNumber;
  int productKey = 0;
  long long customerKey = 0;
  int territoryKey = 0;
  int lineItem = 0;
  int quantity = 0;
};

struct SampleFolderContents {
  std::vector<SampleSalesLine> sales;       // Sales_<year> files by year, rows in file order
  std::map<int, std::int64_t> priceMicros;  // ProductKey -> ProductPrice x 1e6
  std::map<Date, double> dailyRevenue;      // OrderDate -> sum(qty x price)
  std::vector<Date> calendar;
  std::vector<Date> returnDates;
  std::vector<std::string> problems;  // layout violations, one line each

  // Parses every file; layout violations go to `problems` (the caller
  // QVERIFYs it is empty), unreadable files throw InputError.
  static SampleFolderContents read(const std::filesystem::path& dir);
};

// Parses exactly DD-MM-YYYY (the export's format); nullopt otherwise.
std::optional<Date> parseExportDate(const std::string& text);
// Whole contents of a file.
std::string fileBytes(const std::filesystem::path& path);
// Mean of the daily revenue over [from, to), zero for days without orders.
double meanDailyRevenue(const SampleFolderContents& c, Date from, Date to);

}  // namespace foresight::test
