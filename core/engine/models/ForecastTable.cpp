#include "engine/models/ForecastTable.h"

#include <charconv>  // std::to_chars
#include <cmath>     // std::fabs
#include <ostream>

#include "engine/common/CsvField.h"
#include "engine/common/Errors.h"

namespace foresight {

std::string ForecastTable::formatNumber(double v) {
  if (v == 0.0) return "0";  // also -0
  char buf[400];
  const double a = std::fabs(v);
  // Power BI and spreadsheets read plain digits; keep exponents for extremes.
  const bool plain = a >= 1e-6 && a < 1e16;
  const auto r = plain ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                       : std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string ForecastTable::levelLabel(double level) { return formatNumber(level); }

void ForecastTable::add(const std::string& series, const Forecast& forecast) {
  if (!forecasts_.empty() && forecasts_.front().second.levels != forecast.levels)
    throw Error("forecast table: every forecast must have the same interval levels");
  forecasts_.emplace_back(series, forecast);
}

std::vector<std::string> ForecastTable::columns() const {
  std::vector<std::string> c = {"series", "date", "mean"};
  if (forecasts_.empty()) return c;
  for (double l : forecasts_.front().second.levels) {
    c.push_back("lo" + levelLabel(l));
    c.push_back("hi" + levelLabel(l));
  }
  return c;
}

void ForecastTable::writeCsv(std::ostream& out) const {
  const auto cols = columns();
  for (std::size_t i = 0; i < cols.size(); ++i) out << (i ? "," : "") << cols[i];
  out << "\n";
  for (const auto& [series, f] : forecasts_) {
    for (Eigen::Index h = 0; h < f.horizon(); ++h) {
      out << csvTextField(series) << ',' << f.dateAt(h).toIso() << ',' << formatNumber(f.mean[h]);
      for (Eigen::Index j = 0; j < f.lower.cols(); ++j)
        out << ',' << formatNumber(f.lower(h, j)) << ',' << formatNumber(f.upper(h, j));
      out << "\n";
    }
  }
}

nlohmann::ordered_json ForecastTable::toJson() const {
  nlohmann::ordered_json records = nlohmann::ordered_json::array();
  for (const auto& [series, f] : forecasts_) {
    for (Eigen::Index h = 0; h < f.horizon(); ++h) {
      nlohmann::ordered_json r = {{"series", series}, {"date", f.dateAt(h).toIso()}, {"mean", f.mean[h]}};
      for (Eigen::Index j = 0; j < f.lower.cols(); ++j) {
        const std::string label = levelLabel(f.levels[static_cast<std::size_t>(j)]);
        r["lo" + label] = f.lower(h, j);
        r["hi" + label] = f.upper(h, j);
      }
      records.push_back(std::move(r));
    }
  }
  return records;
}

}  // namespace foresight
