#include "pipeline/PowerBiExport.h"

#include <algorithm>  // std::clamp, std::max, std::nth_element
#include <charconv>   // std::to_chars: '.' whatever the process locale
#include <cmath>      // std::isnan, std::isfinite, std::ceil, std::floor, std::log10, std::fabs
#include <sstream>

#include "engine/common/CsvField.h"
#include "engine/common/Errors.h"
#include "engine/common/SafeName.h"
#include "engine/io/AtomicFileWriter.h"
#include "engine/models/ForecastTable.h"

namespace foresight::pipeline {

namespace {

// `v` rounded to `decimals` decimals, trailing zeros dropped ("43344.2324",
// "1000000"), or exactly (shortest round-trip form) when decimals < 0; empty
// for NaN.
std::string number(double v, int decimals) {
  if (std::isnan(v)) return std::string();
  if (decimals < 0 || !std::isfinite(v) || std::fabs(v) >= 1e16) return ForecastTable::formatNumber(v);
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, r.ptr);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? std::string("0") : s;
}

// Periods from `from` to `to` on the frequency's grid; -1 when `to` is not on it.
Eigen::Index periodsBetween(Frequency f, Date from, Date to) {
  Eigen::Index n = 0;
  for (Date d = from; d < to; d = advancePeriod(f, d, 1)) ++n;
  return advancePeriod(f, from, static_cast<int>(n)) == to ? n : -1;
}

}  // namespace

PowerBiExport::PowerBiExport(std::string runId) : runId_(std::move(runId)) {
  // Run ids follow the one naming rule wherever they appear (a pipeline's id
  // is also its folder), so rows and run folders can be matched.
  if (!runId_.empty()) requireSafeName("run id", runId_, "run id");
}

void PowerBiExport::add(const TimeSeries& actuals, const Forecast& forecast, const std::string& model,
                        const std::string& modelVersion, const std::string& series) {
  const std::string name = series.empty() ? actuals.name : series;
  const auto fail = [&](const std::string& problem) {
    throw InputError(InputLocation{"", 0, "series", name}, "Power BI export: series '" + name + "': " + problem);
  };
  if (entries_.empty())
    levels_ = forecast.levels;
  else if (forecast.levels != levels_)
    fail("its forecast has other interval levels than the first series");
  if (forecast.horizon() == 0) fail("the forecast is empty");
  Entry e{name, model, modelVersion, actuals, forecast, {}};
  if (!actuals.empty()) {
    if (actuals.frequency != forecast.frequency)
      fail("the actuals and the forecast have different frequencies");
    const Eigen::Index before = periodsBetween(actuals.frequency, actuals.start, forecast.start);
    if (before < 0) fail("the forecast starts before the actuals or off their calendar");
    for (Eigen::Index i = before; i < actuals.size(); ++i)
      if (!std::isnan(actuals.values[i]))
        fail("actuals continue to " + actuals.dateAt(i).toIso() + ", past the forecast start " +
             forecast.start.toIso() + " (update the model with them first)");
    // Pad with missing periods up to the forecast so dates stay continuous.
    Eigen::VectorXd v = Eigen::VectorXd::Constant(before, std::nan(""));
    const Eigen::Index keep = std::min(before, actuals.size());
    v.head(keep) = actuals.values.head(keep);
    e.actuals.values = std::move(v);
  }
  entries_.push_back(std::move(e));
}

void PowerBiExport::setHierarchyLevels(std::vector<std::string> levels) {
  if (!entries_.empty()) throw Error("Power BI export: the hierarchy's levels are set before any series is added");
  std::vector<std::string> taken = {"series", "date", "kind", "value", "level", "parent", "model", "model_version",
                                    "run_id"};
  for (const auto& l : levels) {
    const bool band = (l.rfind("lo", 0) == 0 || l.rfind("hi", 0) == 0) && l.size() > 2 &&
                      l.find_first_not_of("0123456789._", 2) == std::string::npos;
    if (l.empty() || band || std::find(taken.begin(), taken.end(), l) != taken.end())
      throw InputError(InputLocation{"", 0, "level", l},
                       "Power BI export: the hierarchy level '" + l +
                           "' cannot be a column of the table (empty, repeated, or the name of a fixed column)");
    taken.push_back(l);
  }
  hierarchyLevels_ = std::move(levels);
}

void PowerBiExport::add(const TimeSeries& actuals, const Forecast& forecast, const std::string& model,
                        const std::string& modelVersion, const std::string& series, PowerBiNode node) {
  if (hierarchyLevels_.empty()) throw Error("Power BI export: a node added to an export without hierarchy levels");
  if (node.parts.size() > hierarchyLevels_.size())
    throw InputError(InputLocation{"", 0, "series", series},
                     "Power BI export: series '" + series + "' has a path deeper than the hierarchy's levels");
  add(actuals, forecast, model, modelVersion, series);
  entries_.back().node = std::move(node);
}

std::vector<std::string> PowerBiExport::columns() const {
  std::vector<std::string> c = {"series", "date", "kind", "value"};
  for (double l : levels_) {
    c.push_back("lo" + ForecastTable::levelLabel(l));
    c.push_back("hi" + ForecastTable::levelLabel(l));
  }
  if (!hierarchyLevels_.empty()) {
    c.emplace_back("level");
    c.emplace_back("parent");
    c.insert(c.end(), hierarchyLevels_.begin(), hierarchyLevels_.end());
  }
  for (const char* s : {"model", "model_version", "run_id"}) c.emplace_back(s);
  return c;
}

std::size_t PowerBiExport::forecastRows() const {
  std::size_t n = 0;
  for (const auto& e : entries_) n += static_cast<std::size_t>(e.forecast.horizon());
  return n;
}

std::size_t PowerBiExport::actualRows() const {
  std::size_t n = 0;
  for (const auto& e : entries_) n += static_cast<std::size_t>(e.actuals.size());
  return n;
}

int PowerBiExport::decimals() const {
  // Sums: every value is off by at most half a unit of the last decimal, so
  // a column's sum over the file's N rows is off by at most N * 0.5 * 10^-d;
  // d = 3 + ceil(log10 N) keeps that at or below 0.0005, under half a cent.
  const double rows = static_cast<double>(std::max<std::size_t>(1, actualRows() + forecastRows()));
  const int forSums = 3 + static_cast<int>(std::ceil(std::log10(rows)));
  // Small measures (rates, kilo-units): six significant digits of the median
  // magnitude, so they keep their resolution.
  std::vector<double> magnitudes;
  for (const auto& e : entries_) {
    for (Eigen::Index i = 0; i < e.actuals.size(); ++i)
      if (std::isfinite(e.actuals.values[i]) && e.actuals.values[i] != 0.0) magnitudes.push_back(std::fabs(e.actuals.values[i]));
    for (Eigen::Index h = 0; h < e.forecast.horizon(); ++h)
      if (std::isfinite(e.forecast.mean[h]) && e.forecast.mean[h] != 0.0) magnitudes.push_back(std::fabs(e.forecast.mean[h]));
  }
  int forDigits = 0;
  if (!magnitudes.empty()) {
    auto mid = magnitudes.begin() + static_cast<std::ptrdiff_t>(magnitudes.size() / 2);
    std::nth_element(magnitudes.begin(), mid, magnitudes.end());
    forDigits = 5 - static_cast<int>(std::floor(std::log10(*mid)));
  }
  return std::clamp(std::max(forSums, forDigits), 0, 12);
}

void PowerBiExport::writeCsv(std::ostream& out) const {
  // A hierarchical table is written exactly: every parent then equals the sum
  // of its children in the file as it did in memory.
  const int d = hierarchyLevels_.empty() ? decimals() : -1;
  const auto cols = columns();
  for (std::size_t i = 0; i < cols.size(); ++i) out << (i ? "," : "") << csvTextField(cols[i]);
  out << '\n';
  const std::string emptyBands(2 * levels_.size(), ',');
  for (const auto& e : entries_) {
    std::string place;
    if (!hierarchyLevels_.empty()) {
      place = ',' + csvTextField(e.node.level) + ',' + csvTextField(e.node.parent);
      for (std::size_t k = 0; k < hierarchyLevels_.size(); ++k)
        place += ',' + (k < e.node.parts.size() ? csvTextField(e.node.parts[k]) : std::string());
    }
    const std::string tail = place + ',' + csvTextField(e.model) + ',' + csvTextField(e.modelVersion) + ',' + csvTextField(runId_) + '\n';
    const std::string name = csvTextField(e.series);
    for (Eigen::Index i = 0; i < e.actuals.size(); ++i)
      out << name << ',' << e.actuals.dateAt(i).toIso() << ",actual," << number(e.actuals.values[i], d) << emptyBands
          << tail;
    const Forecast& f = e.forecast;
    for (Eigen::Index h = 0; h < f.horizon(); ++h) {
      out << name << ',' << f.dateAt(h).toIso() << ",forecast," << number(f.mean[h], d);
      for (Eigen::Index j = 0; j < f.lower.cols(); ++j) out << ',' << number(f.lower(h, j), d) << ',' << number(f.upper(h, j), d);
      out << tail;
    }
  }
}

void PowerBiExport::writeFile(const std::filesystem::path& file, const CancellationToken* cancel) const {
  AtomicFileWriter out(file, cancel);
  writeCsv(out.stream());
  out.commit();
}

}  // namespace foresight::pipeline
