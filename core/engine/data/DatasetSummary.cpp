#include "engine/data/DatasetSummary.h"

#include <algorithm>

namespace foresight {

namespace {

std::string total(const LoadedData& d, Measure m) {
  const FactTable& f = d.facts;
  if (m == Measure::Orders) {
    if (!f.ordersFromIds()) return std::to_string(f.rowCount());
    std::vector<char> seen(f.orderIds().size(), 0);
    std::size_t n = 0;
    for (const std::int32_t c : f.orderCodes())
      if (!seen[static_cast<std::size_t>(c)]) {
        seen[static_cast<std::size_t>(c)] = 1;
        ++n;
      }
    return std::to_string(n);
  }
  Decimal sum;
  for (const Decimal v : f.values(m)) sum += v;
  return sum.toString();
}

DatasetSummary::Grouping grouping(const FactTable& f, Dimension dim) {
  const auto& dict = f.dictionary(dim);
  std::vector<char> used(dict.size(), 0);
  for (const std::int32_t c : f.codes(dim)) used[static_cast<std::size_t>(c)] = 1;
  std::vector<std::string> names;
  for (std::size_t c = 0; c < used.size(); ++c)
    if (used[c]) names.push_back(dict.name(static_cast<std::int32_t>(c)));
  std::sort(names.begin(), names.end());
  DatasetSummary::Grouping g{dim, names.size(), {}};
  names.resize(std::min(names.size(), DatasetSummary::kMaxListed));
  g.values = std::move(names);
  return g;
}

}  // namespace

DatasetSummary DatasetSummary::of(const LoadedData& d) {
  DatasetSummary s;
  s.source = d.source;
  s.kind = d.kind;
  s.description = d.description;
  s.tables = d.tables;
  s.rowsRead = d.rowsRead;
  s.rowsUsed = d.facts.rowCount();
  s.rowsRejected = d.rowsRejected;
  s.defaultMeasure = d.defaultMeasure;
  std::vector<Date> dates = d.facts.dates();
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  if (!dates.empty()) {
    s.first = dates.front();
    s.last = dates.back();
  }
  s.daysWithRows = dates.size();
  for (Measure m : d.facts.measures()) s.measures.push_back(MeasureTotal{m, d.seriesName(m), total(d, m)});
  for (Dimension dim : d.facts.dimensions()) s.groupings.push_back(grouping(d.facts, dim));
  s.loadErrors = d.findings.countOf(Severity::Error);
  s.loadWarnings = d.findings.countOf(Severity::Warning);
  return s;
}

}  // namespace foresight
