// Forecasts of one or more series as flat records, one per series and date:
// series, date, mean, lo<L>, hi<L> per level - written as CSV or JSON.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/models/Forecast.h"

namespace foresight {

class ForecastTable {
 public:
  // All forecasts must share the levels of the first one added.
  void add(const std::string& series, const Forecast& forecast);

  // "series", "date", "mean", then "lo80", "hi80", "lo95", "hi95", ...
  std::vector<std::string> columns() const;
  // Header and one line per record; numbers in shortest round-trip form,
  // plain digits for ordinary magnitudes.
  void writeCsv(std::ostream& out) const;
  // An array of flat records with the columns as keys, in column order.
  nlohmann::ordered_json toJson() const;

  // "80" for 80, "97.5" for 97.5.
  static std::string levelLabel(double level);
  static std::string formatNumber(double v);

 private:
  std::vector<std::pair<std::string, Forecast>> forecasts_;
};

}  // namespace foresight
