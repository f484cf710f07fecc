#include "engine/data/DataValidator.h"

#include <algorithm>
#include <cmath>  // std::isnan

#include "engine/data/FrequencyInference.h"
#include "engine/data/RobustOutliers.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/data/SeriesCsv.h"

namespace foresight {

namespace {

std::string periodWord(Frequency f, std::size_t n) {
  const char* w = "day";
  switch (f) {
    case Frequency::Daily: w = "day"; break;
    case Frequency::Weekly: w = "week"; break;
    case Frequency::Monthly: w = "month"; break;
    case Frequency::Quarterly: w = "quarter"; break;
    case Frequency::Yearly: w = "year"; break;
  }
  return std::to_string(n) + " " + w + (n == 1 ? "" : "s");
}

Eigen::Index halfWindow(Frequency f) {
  switch (f) {
    case Frequency::Daily: return 14;
    case Frequency::Weekly: return 6;
    case Frequency::Monthly: return 6;
    case Frequency::Quarterly: return 4;
    case Frequency::Yearly: return 3;
  }
  return 6;
}

void addRowCounts(const LoadedData& d, FindingLog& log) {
  const std::string message = std::to_string(d.rowsRead) + " rows read, " + std::to_string(d.facts.rowCount()) +
                              " used, " + std::to_string(d.rowsRejected) + " rejected";
  log.add(Severity::Info, "rows", message);
  for (const auto& t : d.tables)
    if (t.rowsUsed > 0 || t.role == "sales")
      log.addDetail(Severity::Info, "rows", message, InputLocation{t.path, 0, "", ""},
              std::to_string(t.rowsRead) + " read, " + std::to_string(t.rowsUsed) + " used");
}

std::vector<Date> distinctDates(const FactTable& f) {
  std::vector<Date> dates = f.dates();
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  return dates;
}

void checkPeriods(const LoadedData& d, Frequency freq, FindingLog& log) {
  SeriesRequest req;
  req.frequency = freq;
  req.fill = GapPolicy::None;
  const TimeSeries totals = SeriesBuilder::build(d, req).series.front();
  std::size_t observed = 0;
  std::vector<Eigen::Index> gaps;
  for (Eigen::Index i = 0; i < totals.size(); ++i) {
    if (std::isnan(totals.values[i])) gaps.push_back(i);
    else ++observed;
  }
  log.add(Severity::Info, "date_range",
          totals.start.toIso() + " to " + totals.end().toIso() + ": " + periodWord(freq, static_cast<std::size_t>(totals.size())) +
              ", " + std::to_string(observed) + " with rows");
  const std::string gapMessage = periodWord(freq, 2).substr(2) +
                                 " without any row inside the date range (zero under the default --fill zero)";
  for (const Eigen::Index i : gaps)
    log.add(Severity::Warning, "missing_dates", gapMessage, InputLocation{}, totals.dateAt(i).toIso());
  const auto outliers = RobustOutliers::find(totals.values, halfWindow(freq), DataValidator::kOutlierThreshold);
  const std::string what = d.seriesName(d.defaultMeasure);
  const std::string outlierMessage = what + " totals far from the " + periodWord(freq, 2).substr(2) +
                                     " around them (robust z-score above " +
                                     SeriesCsv::formatValue(DataValidator::kOutlierThreshold) + ")";
  for (const auto& o : outliers)
    log.add(Severity::Warning, "outlier", outlierMessage, InputLocation{},
            totals.dateAt(o.index).toIso() + ": " + SeriesCsv::formatValue(o.value) + " where the local median is " +
                SeriesCsv::formatValue(o.localMedian));
}

}  // namespace

FindingLog DataValidator::validate(const LoadedData& d) {
  FindingLog log;
  addRowCounts(d, log);
  log.merge(d.findings);
  if (d.facts.rowCount() > 0) checkPeriods(d, FrequencyInference::infer({distinctDates(d.facts)}), log);
  return log;
}

}  // namespace foresight
