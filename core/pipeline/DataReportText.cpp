#include "pipeline/DataReportText.h"

#include <filesystem>

namespace foresight::pipeline {

namespace {

// Left-aligned in `width` columns, always followed by at least one space.
std::string padded(std::string s, std::size_t width) {
  s.append(s.size() < width ? width - s.size() : 1, ' ');
  return s;
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
