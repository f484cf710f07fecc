#include "ArimaTestData.h"

#include <fstream>
#include <map>
#include <stdexcept>
#include <vector>

#include "TestSupport.h"
#include "engine/common/Date.h"

namespace foresight::test {

namespace {

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

// Revenue per OrderDate (DD-MM-YYYY), days without orders as 0; summed in
// long double in file order as R's tapply(..., sum) does.
std::vector<double> dailyRevenue(const std::filesystem::path& folder, bool monthly) {
  std::map<std::string, double> price;
  for (const auto& row : readCsv(folder / "AdventureWorks_Products.csv")) price[row.at(0)] = std::stod(row.back());
  std::map<int, long double> byPeriod;
  for (int year = 2015; year <= 2017; ++year)
    for (const auto& row : readCsv(folder / ("AdventureWorks_Sales_" + std::to_string(year) + ".csv"))) {
      const std::string& d = row.at(0);
      const auto date = Date::fromYmd(std::stoi(d.substr(6, 4)), std::stoi(d.substr(3, 2)), std::stoi(d.substr(0, 2)));
      if (!date) throw std::runtime_error("bad date " + d);
      const int key = monthly ? date->year() * 12 + date->month() - 1 : date->days();
      byPeriod[key] += std::stod(row.at(7)) * price.at(row.at(3));
    }
  std::vector<double> out;
  for (int k = byPeriod.begin()->first; k <= byPeriod.rbegin()->first; ++k) {
    const auto it = byPeriod.find(k);
    out.push_back(it == byPeriod.end() ? 0.0 : static_cast<double>(it->second));
  }
  return out;
}

std::vector<double> m4Row(const std::filesystem::path& csv, const std::string& id) {
  std::ifstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    const auto f = splitCsv(line);
    if (f.empty() || f[0] != id) continue;
    std::vector<double> v;
    for (std::size_t i = 1; i < f.size(); ++i)
      if (!f[i].empty()) v.push_back(std::stod(f[i]));
    return v;
  }
  throw std::runtime_error("no row " + id + " in " + csv.string());
}

// Foresight's frequency for a reference series (the tests always pass R's
// period explicitly, so this only sets the dates).
Frequency frequencyOf(const std::string& key, int period) {
  if (key.rfind("m4_", 0) == 0) return Frequency::Weekly;
  switch (period) {
    case 7: return Frequency::Daily;
    case 12: return Frequency::Monthly;
    case 4: return Frequency::Quarterly;
    default: return Frequency::Yearly;
  }
}

}  // namespace

const nlohmann::json& arimaReference() {
  static const nlohmann::json j = [] {
    std::ifstream in(sourceDir() / "tests/engine/models/arima/arima_reference.json");
    if (!in) throw std::runtime_error("cannot read arima_reference.json");
    return nlohmann::json::parse(in);
  }();
  return j;
}

int arimaPeriod(const std::string& key) { return arimaReference().at("series").at(key).at("frequency").get<int>(); }

TimeSeries arimaSeries(const std::string& key) {
  const auto& entry = arimaReference().at("series").at(key);
  const int period = entry.at("frequency").get<int>();
  std::vector<double> v;
  if (entry.contains("values")) {
    v = entry.at("values").get<std::vector<double>>();
  } else if (key == "aw_daily" || key == "aw_monthly") {
    const auto dir = sharedData("adventureworks");
    if (dir.empty()) return {};
    v = dailyRevenue(dir, key == "aw_monthly");
  } else {
    const auto csv = sharedData("m4/Weekly-train.csv");
    if (csv.empty()) return {};
    std::string id = key.substr(3);  // "m4_w100" or "m4_w100_weekly" -> "W100"
    id = id.substr(0, id.find('_'));
    id[0] = 'W';
    v = m4Row(csv, id);
  }
  const Frequency f = frequencyOf(key, period);
  const Date start = f == Frequency::Weekly ? *Date::fromYmd(2000, 1, 3) : *Date::fromYmd(2015, 1, 1);
  return TimeSeries{key, f, start, Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()))};
}

}  // namespace foresight::test
