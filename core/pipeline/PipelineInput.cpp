#include "pipeline/PipelineInput.h"

#include <cmath>  // std::isnan
#include <filesystem>
#include <fstream>

#include "engine/common/Errors.h"
#include "engine/data/DataJson.h"
#include "engine/data/DataValidator.h"
#include "engine/data/RejectedRows.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/data/SeriesCsv.h"
#include "engine/io/InputFile.h"
#include "pipeline/DataReportText.h"
#include "pipeline/SourceLoader.h"

namespace foresight::pipeline {

namespace {

// A tidy series file starts with the header SeriesCsv writes.
bool isSeriesCsv(const std::string& path) {
  if (std::filesystem::is_directory(path)) return false;  // a folder of sales files
  requireRegularFile(path);  // never open a FIFO or a device to peek
  std::ifstream in(path, std::ios::binary);
  std::string first;
  if (!in || !std::getline(in, first)) return false;
  if (!first.empty() && first.back() == '\r') first.pop_back();
  return first == "series,date,value" || first == "date,value" || first == "series,date,value,level";
}

// The periods of `s` inside [from, to].
TimeSeries window(const TimeSeries& s, const std::optional<Date>& from, const std::optional<Date>& to) {
  Eigen::Index first = 0, last = s.size();
  while (from && first < s.size() && s.dateAt(first) < *from) ++first;
  while (to && last > first && s.dateAt(last - 1) > *to) --last;
  TimeSeries out = s;
  out.start = s.dateAt(first);
  out.values = s.values.segment(first, last - first);
  return out;
}

}  // namespace

PipelineInput PipelineInput::load(const PipelineConfig& config, const ProgressSink& progress,
                                  const CancellationToken* cancel) {
  if (config.source.empty())
    throw InputError(InputLocation{config.file, 0, "data.source", ""}, "no data source: set data.source or give --data");
  PipelineInput in;
  in.source = config.source;
  in.onBadRows = config.onBadRows;
  const bool seriesCsv = config.query.empty() && isSeriesCsv(config.source);
  if (config.hierarchy && config.hierarchy->fromFile() != seriesCsv)
    throw InputError(InputLocation{config.file, 0, "hierarchy.levels", config.hierarchy->levels},
                     seriesCsv ? "the source is a series CSV: its hierarchy comes from its level column "
                                 "(set \"levels\": \"file\")"
                               : "\"file\" reads the hierarchy from a series CSV's level column; the source " +
                                     config.source + " is not one");
  if (seriesCsv && config.hierarchy) {
    in.description = "hierarchical series CSV";
    HierarchicalPanel h = HierarchicalSeries::readFile(config.source);
    for (TimeSeries& s : h.panel.series) {
      in.rowsRead += static_cast<std::size_t>(s.size());
      s = window(s, config.series.from, config.series.to);
      if (s.empty())
        throw InputError(InputLocation{config.source, 0, "", ""},
                         "series '" + s.name + "' has no dates inside data.from/data.to");
    }
    in.panel = h.panel;
    in.hierarchy = std::move(h);
    return in;
  }
  if (seriesCsv) {
    in.description = "series CSV";
    for (TimeSeries& s : SeriesCsv::readFile(config.source).series) {
      TimeSeries w = window(s, config.series.from, config.series.to);
      if (w.empty())
        throw InputError(InputLocation{config.source, 0, "", ""},
                         "series '" + s.name + "' has no dates inside data.from/data.to");
      in.rowsRead += static_cast<std::size_t>(s.size());
      in.panel.series.push_back(std::move(w));
    }
    return in;
  }
  SourceRequest request;
  request.source = config.source;
  request.query = config.query;
  LoadOptions options;
  options.progress = progress;
  options.cancel = cancel;
  LoadedData data = SourceLoader::loadOne(request, options);
  in.skippedRows = RejectedRows::apply(data, config.onBadRows,
                                       "set \"on_bad_rows\": \"skip\" under \"data\" in " +
                                           (config.file.empty() ? std::string("the pipeline file") : config.file) +
                                           " to leave them out and list them in the report");
  in.description = data.description;
  in.rowsRead = data.rowsRead;
  in.rowsRejected = data.rowsRejected;
  in.findings = DataValidator::validate(data);
  for (const auto& f : in.findings.findings())
    if (f.severity == Severity::Error)
      throw InputError(InputLocation{config.source, 0, "", ""},
                       "validation failed (" + std::to_string(in.findings.countOf(Severity::Error)) +
                           " error finding(s)); first: " + DataReportText::oneLine(f) +
                           " (see 'foresight data validate')");
  if (config.hierarchy) {
    in.hierarchy = HierarchicalSeries::build(data, config.series, *HierarchicalSeries::parseLevels(config.hierarchy->levels));
    in.panel = in.hierarchy->panel;
  } else {
    in.panel = SeriesBuilder::build(data, config.series);
  }
  return in;
}

nlohmann::json PipelineInput::summary() const {
  nlohmann::json series = nlohmann::json::array();
  for (const auto& s : panel.series) {
    int missing = 0;
    double sum = 0;
    for (Eigen::Index i = 0; i < s.size(); ++i) {
      if (std::isnan(s.values[i])) ++missing;
      else sum += s.values[i];
    }
    const int n = static_cast<int>(s.size());
    const DemandPattern pattern = DemandPattern::of(s);
    series.push_back({{"name", s.name},
                      {"freq", frequencyCode(s.frequency)},
                      {"start", s.start.toIso()},
                      {"end", s.end().toIso()},
                      {"periods", n},
                      {"missing", missing},
                      {"sum", sum},
                      {"mean", n > missing ? sum / (n - missing) : 0.0},
                      {"demand_pattern", DataJson::demandPattern(pattern)}});
  }
  return {{"source", source},
          {"description", description},
          {"rows_read", rowsRead},
          {"rows_rejected", rowsRejected},
          {"on_bad_rows", badRowPolicyName(onBadRows)},
          {"rows_skipped", skippedRows.count()},
          {"skipped_rows", skippedRows.rows()},
          {"series", series},
          {"findings", DataJson::findings(findings)}};
}

}  // namespace foresight::pipeline
