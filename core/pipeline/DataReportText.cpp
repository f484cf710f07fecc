#include "pipeline/DataReportText.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "engine/data/DemandPattern.h"

namespace foresight::pipeline {

namespace {

// Left-aligned in `width` columns, always followed by at least one space.
std::string padded(std::string s, std::size_t width) {
  s.append(s.size() < width ? width - s.size() : 1, ' ');
  return s;
}

// Fixed decimals, "-" for NaN (no demand).
std::string decimals(double v, int places) {
  if (std::isnan(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}

std::string fileName(const std::string& path) {
  const std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

}  // namespace

std::string DataReportText::summary(const DatasetSummary& s) {
  std::string out = s.source + ": " + s.description + "\n";
  out += "  tables:\n";
  for (const auto& t : s.tables)
    out += "    " + padded(t.role, 14) + padded(t.role == "query" ? t.path : fileName(t.path), 42) +
           std::to_string(t.rowsRead) + " rows\n";
  out += "  rows:        " + std::to_string(s.rowsRead) + " read, " + std::to_string(s.rowsUsed) + " used, " +
         std::to_string(s.rowsRejected) + " rejected\n";
  if (s.first)
    out += "  date range:  " + s.first->toIso() + " to " + s.last->toIso() + " (" + std::to_string(s.daysWithRows) +
           " days with rows)\n";
  out += "  measures:    ";
  for (std::size_t i = 0; i < s.measures.size(); ++i) {
    const auto& m = s.measures[i];
    out += (i ? ", " : "") + std::string(measureName(m.measure));
    if (m.label != measureName(m.measure)) out += " (" + m.label + ")";
    out += " = " + m.total + (m.measure == s.defaultMeasure ? " [default]" : "");
  }
  out += "\n  groupings:   ";
  if (s.groupings.empty()) out += "none";
  for (std::size_t i = 0; i < s.groupings.size(); ++i) {
    const auto& g = s.groupings[i];
    out += (i ? "\n               " : "") + std::string(dimensionName(g.dimension)) + " (" +
           std::to_string(g.distinct) + "): ";
    for (std::size_t k = 0; k < g.values.size(); ++k) out += (k ? ", " : "") + g.values[k];
    if (g.distinct > g.values.size()) out += ", ...";
  }
  out += "\n";
  if (s.loadErrors + s.loadWarnings > 0)
    out += "  findings:    " + std::to_string(s.loadErrors) + " error(s), " + std::to_string(s.loadWarnings) +
           " warning(s) while loading; 'foresight data validate' lists them\n";
  return out;
}

std::string DataReportText::demandPatterns(const Panel& panel) {
  std::vector<DemandPattern> patterns;
  std::map<DemandClass, std::size_t> counts;
  std::size_t nameWidth = 6;
  for (const auto& series : panel.series) {
    patterns.push_back(DemandPattern::of(series));
    ++counts[patterns.back().demandClass];
    nameWidth = std::max(nameWidth, series.name.size() + 2);
  }
  std::string out = "  demand patterns (Syntetos-Boylan: ADI cut " + decimals(DemandPattern::kAdiCut, 2) +
                    ", CV\u00b2 cut " + decimals(DemandPattern::kCv2Cut, 2) + "):";
  for (const auto& [c, n] : counts) out += " " + std::string(demandClassName(c)) + " " + std::to_string(n) + ",";
  out.back() = '\n';
  out += "    " + padded("series", nameWidth) + padded("periods", 9) + padded("zeros", 8) + padded("ADI", 9) +
         padded("CV\u00b2", 9) + "class\n";
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const DemandPattern& p = patterns[i];
    out += "    " + padded(panel.series[i].name, nameWidth) + padded(std::to_string(p.periods), 9) +
           padded(decimals(100 * p.zeroShare, 0) + "%", 8) + padded(decimals(p.adi, 2), 9) +
           padded(decimals(p.cv2, 2), 8) + std::string(demandClassName(p.demandClass)) + "\n";
  }
  return out;
}

std::string DataReportText::findings(const FindingLog& log) {
  std::string out;
  for (const auto& f : log.findings()) {
    out += "  " + padded(std::string(severityName(f.severity)), 9) + f.code;
    if (f.count > 1) out += " (" + std::to_string(f.count) + ")";
    out += ": " + f.message + "\n";
    for (const auto& e : f.examples) out += "      " + e.describe() + "\n";
    if (!f.examples.empty() && f.count > f.examples.size())
      out += "      ... and " + std::to_string(f.count - f.examples.size()) + " more\n";
  }
  return out;
}

std::string DataReportText::oneLine(const Finding& f) { return oneLine(f, severityName(f.severity)); }

std::string DataReportText::oneLine(const Finding& f, std::string_view label) {
  std::string s = std::string(label) + ": " + f.code;
  if (f.count > 1) s += " (" + std::to_string(f.count) + ")";
  s += ": " + f.message;
  if (!f.examples.empty()) s += " (first: " + f.examples.front().describe() + ")";
  return s;
}

}  // namespace foresight::pipeline
