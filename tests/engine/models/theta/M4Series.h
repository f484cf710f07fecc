// Reads one series of the M4 competition's CSV layout ("V1" id column, then
// the values, rows padded with empty fields) for tests.
#pragma once

#include <Eigen/Core>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace foresight::test {

// The values of series `id` ("W1"); empty when the file or the id is missing.
inline Eigen::VectorXd readM4Series(const std::filesystem::path& file, const std::string& id) {
  std::ifstream in(file);
  std::string line;
  const std::string key = "\"" + id + "\"";
  while (std::getline(in, line)) {
    if (line.compare(0, key.size() + 1, key + ",") != 0) continue;
    std::vector<double> values;
    std::stringstream fields(line.substr(key.size() + 1));
    std::string f;
    while (std::getline(fields, f, ',')) {
      if (f.size() >= 2 && f.front() == '"') f = f.substr(1, f.size() - 2);
      if (!f.empty() && f != "NA") values.push_back(std::stod(f));
    }
    return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
  }
  return {};
}

}  // namespace foresight::test
