#include "SampleFolderContents.h"

#include <algorithm>  // std::sort
#include <charconv>   // std::from_chars
#include <fstream>
#include <sstream>

#include "engine/io/DateParser.h"
#include "engine/io/Decimal.h"
#include "engine/io/DelimitedReader.h"

namespace foresight::test {

namespace {
template <typename T>
bool toInt(const std::string& s, T& out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

RawTable readCsv(const std::filesystem::path& p) {
  DelimitedReadOptions o;
  o.delimiter = ',';
  o.hasHeader = true;
  return DelimitedReader::readFile(p.string(), o).table;
}

std::string where(const RawTable& t, std::size_t row) {
  return t.source + ":" + std::to_string(t.lineNumbers[row]);
}
}  // namespace

std::optional<Date> parseExportDate(const std::string& text) {
  if (text.size() != 10 || text[2] != '-' || text[5] != '-') return std::nullopt;
  return DateParser::parse(text, DateFormat::DayMonthYear);
}

std::string fileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double meanDailyRevenue(const SampleFolderContents& c, Date from, Date to) {
  double sum = 0;
  for (Date d = from; d < to; d = d.addDays(1))
    if (auto it = c.dailyRevenue.find(d); it != c.dailyRevenue.end()) sum += it->second;
  return sum / (to - from);
}

SampleFolderContents SampleFolderContents::read(const std::filesystem::path& dir) {
  SampleFolderContents c;
  const RawTable products = readCsv(dir / "AdventureWorks_Products.csv");
  for (std::size_t i = 0; i < products.rows.size(); ++i) {
    int key = 0;
    const auto price = Decimal::parse(products.rows[i][10]);
    if (!toInt(products.rows[i][0], key) || !price)
      c.problems.push_back(where(products, i) + ": bad key or price");
    else
      c.priceMicros[key] = price->units();
  }
  std::vector<std::filesystem::path> salesFiles;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().filename().string().rfind("AdventureWorks_Sales_", 0) == 0)
      salesFiles.push_back(entry.path());
  std::sort(salesFiles.begin(), salesFiles.end());
  for (const auto& path : salesFiles) {
    const std::string name = path.filename().string();
    const RawTable t = readCsv(path);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const auto& r = t.rows[i];
      SampleSalesLine l;
      const auto od = parseExportDate(r[0]), sd = parseExportDate(r[1]);
      const bool ok = r.size() == 8 && od && sd && toInt(r[3], l.productKey) &&
                      toInt(r[4], l.customerKey) && toInt(r[5], l.territoryKey) &&
                      toInt(r[6], l.lineItem) && toInt(r[7], l.quantity) &&
                      c.priceMicros.count(l.productKey) == 1;
      if (!ok) {
        c.problems.push_back(where(t, i) + ": unreadable sales row");
        continue;
      }
      l.orderDate = *od;
      l.stockDate = *sd;
      l.orderNumber = r[2];
      if (name != "AdventureWorks_Sales_" + std::to_string(od->year()) + ".csv")
        c.problems.push_back(where(t, i) + ": order date in another year's file");
      c.dailyRevenue[l.orderDate] +=
          static_cast<double>(c.priceMicros[l.productKey] * l.quantity) / 1e6;
      c.sales.push_back(l);
    }
  }
  const RawTable calendar = readCsv(dir / "AdventureWorks_Calendar.csv");
  for (std::size_t i = 0; i < calendar.rows.size(); ++i) {
    if (const auto d = parseExportDate(calendar.rows[i][0]))
      c.calendar.push_back(*d);
    else
      c.problems.push_back(where(calendar, i) + ": bad calendar date");
  }
  const RawTable returns = readCsv(dir / "AdventureWorks_Returns.csv");
  for (std::size_t i = 0; i < returns.rows.size(); ++i) {
    if (const auto d = parseExportDate(returns.rows[i][0]))
      c.returnDates.push_back(*d);
    else
      c.problems.push_back(where(returns, i) + ": bad return date");
  }
  return c;
}

}  // namespace foresight::test
