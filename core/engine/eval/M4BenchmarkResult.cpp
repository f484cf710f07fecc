#include "engine/eval/M4BenchmarkResult.h"

#include <algorithm>  // std::max
#include <cmath>      // std::isnan
#include <cstdio>     // std::snprintf

#include "engine/eval/MetricValues.h"

namespace foresight {

namespace {
std::string fixed(double v, int decimals, int width) {
  char buf[64];
  if (std::isnan(v)) std::snprintf(buf, sizeof buf, "%*s", width, "-");
  else std::snprintf(buf, sizeof buf, "%*.*f", width, decimals, v);
  return buf;
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator = ",") {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : separator) + p;
  return s;
}
}  // namespace

std::string M4BenchmarkResult::toText() const {
  std::vector<std::string> hs;
  for (int h : horizons) hs.push_back(std::to_string(h));
  std::string out = "M4 benchmark: " + std::to_string(series) + " series (" + joined(frequencies) +
                    "), horizon " + joined(hs) + "\n";
  std::size_t width = 5;
  for (const auto& m : models) width = std::max(width, m.label.size());
  out += "model" + std::string(width - 5, ' ') + "    sMAPE     MASE      OWA  series  failed    fit s\n";
  for (const auto& m : models) {
    char counts[64];
    std::snprintf(counts, sizeof counts, "  %6d  %6d", m.series, m.failed);
    out += m.label + std::string(width - m.label.size(), ' ') + fixed(m.smape, 3, 9) + fixed(m.mase, 3, 9) +
           fixed(m.owa, 3, 9) + counts + fixed(m.fitSeconds, 2, 9) + "\n";
  }
  for (const auto& m : models)
    if (m.failed > 0) out += "note: " + m.label + " failed on " + std::to_string(m.failed) + " series: " + m.firstError + "\n";
  for (const auto& m : models)
    if (m.runSpecs.size() != 1 || m.runSpecs.front() != m.label) out += m.label + " ran as " + joined(m.runSpecs, "; ") + "\n";
  for (const auto& n : notes) out += "note: " + n + "\n";
  char timing[96];
  std::snprintf(timing, sizeof timing, "%.2f s on %d thread%s\n", wallSeconds, threads, threads == 1 ? "" : "s");
  return out + timing;
}

nlohmann::json M4BenchmarkResult::toJson() const {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& m : models) {
    nlohmann::json r = {{"label", m.label},
                        {"run_specs", m.runSpecs},
                        {"smape", numberOrNull(m.smape)},
                        {"mase", numberOrNull(m.mase)},
                        {"owa", numberOrNull(m.owa)},
                        {"series", m.series},
                        {"failed", m.failed},
                        {"fit_seconds", m.fitSeconds}};
    if (!m.firstError.empty()) r["first_error"] = m.firstError;
    rows.push_back(r);
  }
  return {{"series", series},       {"frequencies", frequencies}, {"horizons", horizons},
          {"models", rows},         {"has_naive2", hasNaive2},    {"notes", notes},
          {"wall_seconds", wallSeconds}, {"threads", threads}};
}

}  // namespace foresight
