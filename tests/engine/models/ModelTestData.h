// Series shared by the model tests: AirPassengers (Box & Jenkins, monthly
// 1949-1960, as shipped with R) and the first M4 Weekly series, read from
// ../shared/data.
#pragma once

#include <fstream>
#include <string>

#include "TestSupport.h"
#include "engine/common/TimeSeries.h"
#include "engine/models/ModelFactory.h"

namespace foresight::test {

inline TimeSeries airPassengers() {
  static const double v[] = {
      112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133,
      114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242,
      209, 191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264,
      302, 293, 259, 229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313,
      318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318,
      362, 348, 363, 435, 491, 505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
      417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432};
  TimeSeries s{"AirPassengers", Frequency::Monthly, *Date::fromYmd(1949, 1, 1),
               Eigen::Map<const Eigen::VectorXd>(v, sizeof v / sizeof v[0])};
  return s;
}

// Series `row` (1-based, "W1" is 1) of M4 Weekly-train.csv: quoted id, then
// quoted values, ragged rows padded with empty fields.
inline TimeSeries m4Weekly(int row) {
  TimeSeries s;
  const auto path = sharedData("m4/Weekly-train.csv");
  if (path.empty()) return s;
  std::ifstream in(path);
  std::string line;
  for (int i = 0; i <= row && std::getline(in, line); ++i) {
  }
  std::vector<double> values;
  std::size_t pos = 0;
  bool first = true;
  while (pos <= line.size()) {
    const std::size_t comma = std::min(line.find(',', pos), line.size());
    std::string field = line.substr(pos, comma - pos);
    if (!field.empty() && field.front() == '"') field = field.substr(1, field.size() - 2);
    if (first) s.name = field;
    else if (!field.empty()) values.push_back(std::stod(field));
    first = false;
    pos = comma + 1;
  }
  s.frequency = Frequency::Weekly;
  s.start = *Date::fromYmd(2000, 1, 3);  // any Monday: M4 gives no dates
  s.values = Eigen::Map<Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
  return s;
}

inline TimeSeries makeSeries(std::vector<double> v, Frequency f = Frequency::Monthly, const std::string& name = "s") {
  return TimeSeries{name, f, *Date::fromYmd(2020, 1, 1), Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()))};
}

// The model `spec` fitted on `y`.
inline std::unique_ptr<Forecaster> fittedModel(const std::string& spec, const TimeSeries& y) {
  auto m = ModelFactory::create(spec);
  m->fit(y);
  return m;
}

}  // namespace foresight::test
