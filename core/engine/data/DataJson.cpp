#include "engine/data/DataJson.h"

#include <cmath>

namespace foresight {

nlohmann::json DataJson::findings(const FindingLog& log) {
  auto list = nlohmann::json::array();
  for (const auto& f : log.findings()) {
    auto examples = nlohmann::json::array();
    for (const auto& e : f.examples) {
      nlohmann::json x = {{"detail", e.detail}};
      if (!e.where.file.empty()) x["file"] = e.where.file;
      if (e.where.line > 0) x["line"] = e.where.line;
      if (!e.where.field.empty()) x["field"] = e.where.field;
      if (!e.where.value.empty()) x["value"] = e.where.value;
      examples.push_back(std::move(x));
    }
    list.push_back({{"severity", severityName(f.severity)},
                    {"code", f.code},
                    {"message", f.message},
                    {"count", f.count},
                    {"examples", std::move(examples)}});
  }
  return {{"findings", std::move(list)},
          {"errors", log.countOf(Severity::Error)},
          {"warnings", log.countOf(Severity::Warning)},
          {"infos", log.countOf(Severity::Info)}};
}

nlohmann::json DataJson::summary(const DatasetSummary& s) {
  auto tables = nlohmann::json::array();
  for (const auto& t : s.tables)
    tables.push_back({{"path", t.path}, {"role", t.role}, {"rows_read", t.rowsRead}, {"rows_used", t.rowsUsed}});
  auto measures = nlohmann::json::array();
  for (const auto& m : s.measures)
    measures.push_back({{"name", measureName(m.measure)}, {"label", m.label}, {"total", m.total}});
  auto groupings = nlohmann::json::array();
  for (const auto& g : s.groupings)
    groupings.push_back({{"name", dimensionName(g.dimension)}, {"distinct", g.distinct}, {"values", g.values}});
  nlohmann::json range = {{"days_with_rows", s.daysWithRows}};
  range["first"] = s.first ? nlohmann::json(s.first->toIso()) : nlohmann::json();
  range["last"] = s.last ? nlohmann::json(s.last->toIso()) : nlohmann::json();
  return {{"source", s.source},
          {"kind", s.kind},
          {"description", s.description},
          {"tables", std::move(tables)},
          {"rows", {{"read", s.rowsRead}, {"used", s.rowsUsed}, {"rejected", s.rowsRejected}}},
          {"date_range", std::move(range)},
          {"default_measure", measureName(s.defaultMeasure)},
          {"measures", std::move(measures)},
          {"groupings", std::move(groupings)},
          {"load_errors", s.loadErrors},
          {"load_warnings", s.loadWarnings}};
}

nlohmann::json DataJson::demandPattern(const DemandPattern& p) {
  const auto orNull = [](double v) { return std::isnan(v) ? nlohmann::json() : nlohmann::json(v); };
  return {{"class", demandClassName(p.demandClass)},
          {"periods", p.periods},
          {"demands", p.demands},
          {"zero_share", p.zeroShare},
          {"adi", orNull(p.adi)},
          {"cv2", orNull(p.cv2)},
          {"trailing_zeros", p.trailingZeros}};
}

nlohmann::json DataJson::demandPatterns(const Panel& panel) {
  auto list = nlohmann::json::array();
  for (const auto& series : panel.series) {
    nlohmann::json row = {{"series", series.name}};
    row.update(demandPattern(DemandPattern::of(series)));
    list.push_back(std::move(row));
  }
  return list;
}

}  // namespace foresight
