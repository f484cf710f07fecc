// The Power BI forecast CSV (ARCHITECTURE.md §3): one long table, one row
// per series and date, actuals then forecasts -
//   series,date,kind,value,lo80,hi80,lo95,hi95,model,model_version,run_id
// A hierarchical export adds, after the interval columns, `level` (the
// node's level: "total", "region", ...), `parent` (its parent's path, empty
// for the total) and one column per level holding the node's path parts
// (empty below the node's own level), so Power BI builds the drill-down;
// its numbers are written exactly (shortest round-trip form, not rounded to
// decimals()) so every parent still equals the sum of its children after
// the round trip (to 1e-9 relative; the reconciliation's own precision).
// The one writer the CLI (`foresight export powerbi`), the pipeline and the
// GUI all use, so the file Power BI loads never depends on who wrote it.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/models/Forecast.h"

namespace foresight::pipeline {

// Where one series of a hierarchical export sits in its hierarchy.
struct PowerBiNode {
  std::string level;               // "total", or the level's name
  std::string parent;              // the parent's path; empty for the total
  // One value per hierarchy column (Hierarchy::columnValues): the node's
  // part at that level, empty where the node is above it.
  std::vector<std::string> parts;
};

class PowerBiExport {
 public:
  // `runId` goes into every row (a pipeline run, a CI build, a GUI session).
  explicit PowerBiExport(std::string runId = "");

  // Adds one series: its actuals (named by actuals.name unless `series` is
  // given) and the forecast that follows them. Actual rows run from the
  // first actual to the period before forecast.start (missing periods as
  // empty values, so dates stay continuous); actuals at or after the
  // forecast start must be missing. Every forecast must have the levels of
  // the first one added. InputError naming the series otherwise.
  void add(const TimeSeries& actuals, const Forecast& forecast, const std::string& model,
           const std::string& modelVersion, const std::string& series = "");

  // Makes this a hierarchical export with these level names (top-down,
  // below the total); before any add(). InputError when a name is empty,
  // repeated, or one of the fixed column names.
  void setHierarchyLevels(std::vector<std::string> levels);
  // add() for a hierarchical export: the series' place in the hierarchy.
  void add(const TimeSeries& actuals, const Forecast& forecast, const std::string& model,
           const std::string& modelVersion, const std::string& series, PowerBiNode node);

  // Interval levels of the table (those of the first forecast added).
  const std::vector<double>& levels() const { return levels_; }
  // "series","date","kind","value", lo/hi per level, [hierarchy columns,]
  // "model","model_version","run_id".
  std::vector<std::string> columns() const;
  std::size_t forecastRows() const;
  std::size_t actualRows() const;

  // The decimals every number of the CSV is rounded to (trailing zeros
  // dropped): 3 + ceil(log10(rows)), so a column's sum over any of the N rows
  // is within N * 0.5 * 10^-decimals <= 0.0005 of the unrounded sum (totals
  // to the cent); more when six significant digits of the median magnitude
  // need them; at most 12. docs/powerbi.md says the same.
  int decimals() const;
  // UTF-8, '\n' line ends, RFC 4180 quoting of text fields, ISO dates,
  // '.' decimals without thousands separators, empty cells for no value,
  // numbers rounded to decimals() (a hierarchical table: exact).
  void writeCsv(std::ostream& out) const;
  // Writes through AtomicFileWriter (complete or not at all); InputError
  // naming the file when it cannot be written, CancelledError when `cancel` was set.
  void writeFile(const std::filesystem::path& file, const CancellationToken* cancel = nullptr) const;

 private:
  struct Entry {
    std::string series, model, modelVersion;
    TimeSeries actuals;  // trimmed to the periods before the forecast
    Forecast forecast;
    PowerBiNode node;
  };
  std::string runId_;
  std::vector<std::string> hierarchyLevels_;  // empty: not a hierarchical export
  std::vector<double> levels_;
  std::vector<Entry> entries_;
};

}  // namespace foresight::pipeline
