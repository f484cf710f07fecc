#include "engine/data/SeriesCsvParser.h"

#include <charconv>  // std::from_chars
#include <cmath>     // std::isfinite
#include <filesystem>
#include <limits>
#include <unordered_map>

#include "engine/common/Errors.h"
#include "engine/common/Text.h"
#include "engine/data/FrequencyInference.h"
#include "engine/data/PeriodGrid.h"

namespace foresight {

namespace {

bool isMissing(std::string_view v) { return v.empty() || v == "NaN" || v == "nan" || v == "NA"; }

struct Observations {
  std::string name;
  std::vector<Date> dates;
  std::vector<double> values;
  std::vector<std::size_t> lines;
};

double parseValue(const RawTable& t, std::size_t r, std::size_t col) {
  const std::string_view v = trimBlanks(t.rows[r][col]);
  if (isMissing(v)) return std::numeric_limits<double>::quiet_NaN();
  double d = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || ptr != v.data() + v.size() || !std::isfinite(d))
    throw InputError(InputLocation{t.source, t.lineNumbers[r], "value", t.rows[r][col]},
                     "not a number (expected '.' decimals; empty for a missing value)");
  return d;
}

}  // namespace

Panel SeriesCsvParser::parse(const RawTable& t) {
  const std::size_t cols = t.columnCount();
  // A hierarchy's file (HierarchicalSeries) adds a level column, which needs
  // its header to be told from a stray fourth column; the level is read there.
  const bool withLevel = cols == 4 && !t.rows.empty() && trimBlanks(t.rows[0][1]) == "date" &&
                         trimBlanks(t.rows[0][3]) == "level";
  if (cols != 3 && cols != 2 && !withLevel)
    throw InputError(InputLocation{t.source, 1, "", ""},
                     "expected the columns series,date,value (or date,value; or series,date,value,level with "
                     "that header), found " +
                         std::to_string(cols) + " columns");
  const std::size_t dateCol = cols >= 3 ? 1 : 0, valueCol = withLevel ? 2 : cols - 1;
  std::size_t first = 0;
  if (!t.rows.empty() && trimBlanks(t.rows[0][dateCol]) == "date") first = 1;  // the optional header
  const std::string fallback = std::filesystem::path(t.source).stem().string();
  std::vector<Observations> series;
  std::unordered_map<std::string, std::size_t> indexOf;
  for (std::size_t r = first; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const std::string name = cols >= 3 ? std::string(trimBlanks(row[0])) : fallback;
    if (name.empty())
      throw InputError(InputLocation{t.source, t.lineNumbers[r], "series", ""}, "empty series name");
    const auto date = Date::parseIso(trimBlanks(row[dateCol]));
    if (!date)
      throw InputError(InputLocation{t.source, t.lineNumbers[r], "date", row[dateCol]},
                       "not an ISO date (YYYY-MM-DD) or not a day of the calendar");
    const auto [it, isNew] = indexOf.emplace(name, series.size());
    if (isNew) series.push_back(Observations{name, {}, {}, {}});
    Observations& s = series[it->second];
    if (!s.dates.empty() && *date <= s.dates.back())
      throw InputError(InputLocation{t.source, t.lineNumbers[r], "date", row[dateCol]},
                       std::string(*date == s.dates.back() ? "date repeated" : "dates not in increasing order") +
                           " in series '" + name + "' (previous date " + s.dates.back().toIso() + " at line " +
                           std::to_string(s.lines.back()) + ")");
    s.dates.push_back(*date);
    s.values.push_back(parseValue(t, r, valueCol));
    s.lines.push_back(t.lineNumbers[r]);
  }
  if (series.empty()) throw InputError(InputLocation{t.source, 0, "", ""}, "no data rows");
  std::vector<std::vector<Date>> dates;
  for (const auto& s : series) dates.push_back(s.dates);
  const Frequency freq = FrequencyInference::infer(dates);
  Panel panel;
  for (auto& s : series) {
    const auto n = static_cast<Eigen::Index>(PeriodGrid::periodsBetween(freq, s.dates.front(), s.dates.back()) + 1);
    TimeSeries ts{s.name, freq, freq == Frequency::Weekly ? s.dates.front() : periodStart(freq, s.dates.front()),
                  Eigen::VectorXd::Constant(n, std::numeric_limits<double>::quiet_NaN())};
    for (std::size_t i = 0; i < s.dates.size(); ++i) {
      const Date d = s.dates[i];
      // Weekly dates keep their weekday: steps are counted in days / 7.
      const auto k = freq == Frequency::Weekly ? (d - s.dates.front()) / 7
                                               : PeriodGrid::periodsBetween(freq, s.dates.front(), d);
      ts.values[static_cast<Eigen::Index>(k)] = s.values[i];
    }
    panel.series.push_back(std::move(ts));
  }
  return panel;
}

}  // namespace foresight
