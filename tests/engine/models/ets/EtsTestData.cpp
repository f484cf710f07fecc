#include "EtsTestData.h"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "engine/common/Date.h"

namespace foresight::test {

namespace {
// Fields of one CSV line; double quotes group fields that hold commas.
std::vector<std::string> splitCsv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) fields.emplace_back();
    else if (c != '\r') fields.back() += c;
  }
  return fields;
}

std::vector<std::vector<std::string>> readCsv(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line))
    if (!line.empty()) rows.push_back(splitCsv(line));
  return rows;
}
}  // namespace

std::vector<double> adventureWorksRevenue(const std::filesystem::path& folder, bool monthly) {
  std::map<std::string, double> price;
  for (const auto& row : readCsv(folder / "AdventureWorks_Products.csv")) price[row.at(0)] = std::stod(row.back());
  // Summed in long double in file order, as R's tapply(..., sum) does.
  std::map<int, long double> byPeriod;
  for (int year = 2015; year <= 2017; ++year) {
    for (const auto& row : readCsv(folder / ("AdventureWorks_Sales_" + std::to_string(year) + ".csv"))) {
      const std::string& d = row.at(0);  // DD-MM-YYYY
      const auto date = Date::fromYmd(std::stoi(d.substr(6, 4)), std::stoi(d.substr(3, 2)), std::stoi(d.substr(0, 2)));
      if (!date) throw std::runtime_error("bad date " + d);
      const double revenue = std::stod(row.at(7)) * price.at(row.at(3));
      const int key = monthly ? date->year() * 12 + date->month() - 1 : date->days();
      byPeriod[key] += revenue;
    }
  }
  std::vector<double> out;
  const int first = byPeriod.begin()->first, last = byPeriod.rbegin()->first;
  for (int k = first; k <= last; ++k) {
    const auto it = byPeriod.find(k);
    out.push_back(it == byPeriod.end() ? 0.0 : static_cast<double>(it->second));
  }
  return out;
}

std::vector<double> m4Series(const std::filesystem::path& csv, const std::string& id) {
  std::ifstream in(csv);
  if (!in) throw std::runtime_error("cannot read " + csv.string());
  std::string line;
  const std::string prefix = "\"" + id + "\",";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::vector<double> values;
    const auto fields = splitCsv(line);
    for (std::size_t i = 1; i < fields.size(); ++i)
      if (!fields[i].empty()) values.push_back(std::stod(fields[i]));
    return values;
  }
  throw std::runtime_error("no row " + id + " in " + csv.string());
}

nlohmann::json etsReference() {
  const std::filesystem::path file = std::filesystem::path(FORESIGHT_SOURCE_DIR) / "tests/engine/models/ets/ets_reference.json";
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return nlohmann::json::parse(in);
}

}  // namespace foresight::test
