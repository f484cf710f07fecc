// Fuzzes HierarchicalSeries::read (a hierarchy's series CSV:
// series,date,value,level). Oracle: the input is refused with an InputError
// that names the file, or the hierarchy it gives (nested or crossed) is
// coherent (every node equals the sum of its summands, its children in a
// tree, to 1e-9 relative at every date) and
// round-trips: written and read again it has the same nodes, levels and
// values, bit for bit; names and levels a spreadsheet would take for a
// formula come back with the single quote the writer puts in front
// (CsvField.h).
#include <cmath>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>

#include "FuzzOracle.h"
#include "engine/common/CsvField.h"
#include "engine/common/Errors.h"
#include "engine/hierarchy/HierarchicalSeries.h"

using foresight::HierarchicalPanel;
using foresight::HierarchicalSeries;
using foresight::InputError;
using foresight::fuzz::check;

namespace {

const std::string kSource = "fuzz.csv";

void checkCoherent(const HierarchicalPanel& h) {
  check(h.panel.series.size() == static_cast<std::size_t>(h.hierarchy.size()), "one series per node");
  for (int i = 0; i < h.hierarchy.size(); ++i) {
    const auto& node = h.hierarchy.nodes()[static_cast<std::size_t>(i)];
    check(h.panel.series[static_cast<std::size_t>(i)].name == node.name, "series in node order", node.name);
    const auto& summands = h.hierarchy.summands(i);  // a grouped node's one split; a tree's children
    if (summands.empty()) continue;
    const auto& parent = h.panel.series[static_cast<std::size_t>(i)].values;
    for (Eigen::Index t = 0; t < parent.size(); ++t) {
      double sum = 0;
      for (const int c : summands) sum += h.panel.series[static_cast<std::size_t>(c)].values[t];
      const double p = parent[t];
      const bool ok = (std::isnan(p) && std::isnan(sum)) ||
                      std::fabs(p - sum) <= 1e-9 * std::max({std::fabs(p), std::fabs(sum), 1.0}) * 2;
      check(ok, "a node equals the sum of its summands", node.name + " at " + std::to_string(t));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  HierarchicalPanel h;
  try {
    h = HierarchicalSeries::read(text, kSource);
  } catch (const InputError& e) {
    check(foresight::fuzz::contains(e.what(), kSource), "a refusal names the file", e.what());
    return 0;
  }
  checkCoherent(h);
  std::ostringstream out;
  HierarchicalSeries::write(out, h);
  HierarchicalPanel back;
  try {
    back = HierarchicalSeries::read(out.str(), kSource);
  } catch (const InputError& e) {
    check(false, "what was written reads back", e.what());
  }
  // What the writer makes of a text cell.
  const auto written = [](const std::string& text) {
    return foresight::csvLooksLikeFormula(text) ? "'" + text : text;
  };
  std::vector<std::string> levels;
  for (const auto& l : h.hierarchy.levels()) levels.push_back(written(l));
  check(back.hierarchy.levels() == levels, "the levels round-trip");
  check(back.hierarchy.size() == h.hierarchy.size(), "the node count round-trips");
  std::map<std::string, const foresight::TimeSeries*> byName;
  for (const auto& s : back.panel.series) byName.emplace(s.name, &s);
  for (const auto& s : h.panel.series) {
    const auto it = byName.find(written(s.name));
    check(it != byName.end(), "every node reads back under its written name", s.name);
    const auto& a = s.values;
    const auto& b = it->second->values;
    check(a.size() == b.size() && s.start == it->second->start, "dates round-trip", s.name);
    for (Eigen::Index t = 0; t < a.size(); ++t)
      check((std::isnan(a[t]) && std::isnan(b[t])) || a[t] == b[t], "values round-trip", s.name);
  }
  return 0;
}
