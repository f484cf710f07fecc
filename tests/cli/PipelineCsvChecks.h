// Checks every Power BI CSV a pipeline test writes must pass: strict RFC
// 4180, the contract's columns, continuous dates per series, horizon x
// series forecast rows, and intervals that bracket the forecast.
#pragma once

#include <QtTest/QtTest>
#include <map>
#include <string>

#include "../pipeline/StrictCsv.h"
#include "engine/common/Date.h"

namespace foresight::test {

// Returns "" when the CSV is right, else what is wrong.
inline std::string checkPowerBiCsv(const std::string& text, int horizon, std::size_t seriesCount) {
  const StrictCsvTable t = parseStrictCsv(text);
  if (!t.error.empty()) return "not strict CSV: " + t.error;
  const std::vector<std::string> header = {"series", "date", "kind", "value", "lo80", "hi80", "lo95", "hi95",
                                           "model", "model_version", "run_id"};
  if (t.header != header) return "unexpected header";
  std::map<std::string, int> forecasts;
  std::map<std::string, Date> last;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto& r = t.rows[i];
    const std::string where = "row " + std::to_string(i + 2) + ": ";
    const auto date = Date::parseIso(r[1]);
    if (!date) return where + "bad date " + r[1];
    if (last.count(r[0]) && *date != last[r[0]].addDays(1)) return where + "dates not continuous at " + r[1];
    last[r[0]] = *date;
    if (r[2] == "actual") {
      if (forecasts[r[0]] > 0) return where + "an actual after the forecasts";
      if (!r[4].empty()) return where + "an actual row with an interval";
      continue;
    }
    if (r[2] != "forecast") return where + "kind " + r[2];
    ++forecasts[r[0]];
    const double mean = std::stod(r[3]), lo80 = std::stod(r[4]), hi80 = std::stod(r[5]), lo95 = std::stod(r[6]),
                 hi95 = std::stod(r[7]);
    if (!(lo95 <= lo80 && lo80 <= mean && mean <= hi80 && hi80 <= hi95)) return where + "intervals do not bracket the forecast";
    if (r[8].empty() || r[9].empty() || r[10].empty()) return where + "model, version or run id missing";
  }
  if (forecasts.size() != seriesCount) return "forecasts for " + std::to_string(forecasts.size()) + " series";
  for (const auto& [series, n] : forecasts)
    if (n != horizon) return series + ": " + std::to_string(n) + " forecast rows, expected " + std::to_string(horizon);
  return "";
}

}  // namespace foresight::test
