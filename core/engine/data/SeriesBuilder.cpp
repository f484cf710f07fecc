#include "engine/data/SeriesBuilder.h"

#include <algorithm>
#include <charconv>  // std::from_chars
#include <limits>

#include "engine/common/Errors.h"
#include "engine/data/GapFiller.h"
#include "engine/data/PeriodGrid.h"

namespace foresight {

namespace {

std::string listMeasures(const FactTable& f) {
  std::string s;
  for (Measure m : f.measures()) s += (s.empty() ? "" : ", ") + std::string(measureName(m));
  return s;
}

std::string listDimensions(const FactTable& f) {
  std::string s;
  for (Dimension d : f.dimensions()) s += (s.empty() ? "" : ", ") + std::string(dimensionName(d));
  return s.empty() ? "none" : s;
}

void checkRequest(const LoadedData& data, Measure measure, const SeriesRequest& req) {
  const FactTable& f = data.facts;
  if (!f.hasMeasure(measure))
    throw UsageError("measure '" + std::string(measureName(measure)) + "' is not available for " +
                     data.description + " (available: " + listMeasures(f) + ")");
  if (req.groupBy && !f.hasDimension(*req.groupBy))
    throw UsageError("grouping by " + std::string(dimensionName(*req.groupBy)) + " is not available for " +
                     data.description + " (available: " + listDimensions(f) + ")");
  if (measure == Measure::Orders && req.aggregation == Aggregation::Mean)
    throw UsageError("--agg mean is not defined for orders (a distinct count); use --agg sum or count");
  if (req.from && req.to && *req.from > *req.to)
    throw UsageError("--from " + req.from->toIso() + " is after --to " + req.to->toIso());
}

// Keys present among the selected rows, ordered by name; key -> group index.
std::vector<std::int32_t> groupIndexByKey(const std::vector<std::int32_t>& keys,
                                          const std::vector<std::string>& keyNames,
                                          const std::vector<std::size_t>& rows, std::vector<std::string>& names) {
  std::vector<char> used(keyNames.size(), 0);
  for (std::size_t r : rows) used[static_cast<std::size_t>(keys[r])] = 1;
  std::vector<std::int32_t> present;
  for (std::size_t c = 0; c < used.size(); ++c)
    if (used[c]) present.push_back(static_cast<std::int32_t>(c));
  std::sort(present.begin(), present.end(), [&](std::int32_t a, std::int32_t b) {
    return keyNames[static_cast<std::size_t>(a)] < keyNames[static_cast<std::size_t>(b)];
  });
  std::vector<std::int32_t> index(keyNames.size(), -1);
  for (std::size_t g = 0; g < present.size(); ++g) {
    index[static_cast<std::size_t>(present[g])] = static_cast<std::int32_t>(g);
    names.push_back(keyNames[static_cast<std::size_t>(present[g])]);
  }
  return index;
}

// The panel of `req` grouped by keys[r] (nullptr: one series of all rows).
Panel buildPanel(const LoadedData& data, const SeriesRequest& req, const std::vector<std::int32_t>* keys,
                 const std::vector<std::string>* keyNames) {
  const Measure measure = req.measure ? *req.measure : data.defaultMeasure;
  checkRequest(data, measure, req);
  const FactTable& f = data.facts;
  const auto& dates = f.dates();
  std::vector<std::size_t> rows;
  rows.reserve(f.rowCount());
  for (std::size_t r = 0; r < f.rowCount(); ++r)
    if ((!req.from || dates[r] >= *req.from) && (!req.to || dates[r] <= *req.to)) rows.push_back(r);
  if (rows.empty()) {
    const auto [lo, hi] = std::minmax_element(dates.begin(), dates.end());
    throw UsageError("no rows between " + (req.from ? req.from->toIso() : std::string("the start")) + " and " +
                     (req.to ? req.to->toIso() : std::string("the end")) +
                     (dates.empty() ? std::string() : "; the data covers " + lo->toIso() + " to " + hi->toIso()));
  }
  Date first = dates[rows.front()], last = first;
  for (std::size_t r : rows) {
    first = std::min(first, dates[r]);
    last = std::max(last, dates[r]);
  }
  const PeriodGrid grid(req.frequency, req.from ? *req.from : first, req.to ? *req.to : last);
  std::vector<std::string> names;
  std::vector<std::int32_t> groupOf;
  if (keys) groupOf = groupIndexByKey(*keys, *keyNames, rows, names);
  else names.push_back(data.seriesName(measure));
  const std::size_t periods = grid.size();
  const std::size_t buckets = names.size() * periods;
  // A mistyped year (0016 for 2016) stretches the range over centuries; say
  // so instead of allocating gigabytes.
  if (buckets > SeriesBuilder::kMaxValues)
    throw UsageError(std::to_string(names.size()) + " series x " + std::to_string(periods) + " periods from " +
                     grid.start().toIso() + " to " + grid.dateAt(periods - 1).toIso() +
                     " is too many values; check the dates (data validate shows the range) or narrow it with "
                     "--from/--to, a coarser --freq or another --by");
  std::vector<Decimal> sums(buckets);
  std::vector<std::int64_t> counts(buckets, 0);
  std::vector<std::uint64_t> orderKeys;  // bucket << 32 | order code, for distinct counts
  const bool distinctOrders = measure == Measure::Orders && f.ordersFromIds();
  const std::vector<Decimal>* values = measure == Measure::Orders ? nullptr : &f.values(measure);
  const std::vector<std::int32_t>* groupCodes = keys;
  for (std::size_t r : rows) {
    const auto period = static_cast<std::size_t>(grid.indexOf(dates[r]));
    const std::size_t group = groupCodes ? static_cast<std::size_t>(groupOf[static_cast<std::size_t>((*groupCodes)[r])]) : 0;
    const std::size_t b = group * periods + period;
    ++counts[b];
    if (values) sums[b] += (*values)[r];
    if (distinctOrders) orderKeys.push_back(std::uint64_t{b} << 32 | static_cast<std::uint32_t>(f.orderCodes()[r]));
  }
  std::vector<std::int64_t> distinct(distinctOrders ? buckets : 0, 0);
  if (distinctOrders) {
    std::sort(orderKeys.begin(), orderKeys.end());
    orderKeys.erase(std::unique(orderKeys.begin(), orderKeys.end()), orderKeys.end());
    for (std::uint64_t k : orderKeys) ++distinct[k >> 32];
  }
  Panel panel;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t g = 0; g < names.size(); ++g) {
    TimeSeries s{names[g], req.frequency, grid.start(), Eigen::VectorXd::Constant(static_cast<Eigen::Index>(periods), nan)};
    for (std::size_t p = 0; p < periods; ++p) {
      const std::size_t b = g * periods + p;
      if (counts[b] == 0) continue;
      double v = static_cast<double>(counts[b]);  // Count, and orders as rows
      if (req.aggregation == Aggregation::Sum && distinctOrders) v = static_cast<double>(distinct[b]);
      else if (req.aggregation == Aggregation::Sum && values) v = SeriesBuilder::toDouble(sums[b]);
      else if (req.aggregation == Aggregation::Mean) v = SeriesBuilder::toDouble(sums[b]) / static_cast<double>(counts[b]);
      s.values[static_cast<Eigen::Index>(p)] = v;
    }
    GapFiller::apply(s.values, req.effectiveFill());
    panel.series.push_back(std::move(s));
  }
  return panel;
}

}  // namespace

double SeriesBuilder::toDouble(Decimal d) {
  const std::string text = d.toString();
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

Panel SeriesBuilder::build(const LoadedData& data, const SeriesRequest& req) {
  if (!req.groupBy) return buildPanel(data, req, nullptr, nullptr);
  checkRequest(data, req.measure ? *req.measure : data.defaultMeasure, req);
  const auto& dict = data.facts.dictionary(*req.groupBy);
  std::vector<std::string> names;
  names.reserve(dict.size());
  for (std::size_t c = 0; c < dict.size(); ++c) names.push_back(dict.name(static_cast<std::int32_t>(c)));
  return buildPanel(data, req, &data.facts.codes(*req.groupBy), &names);
}

Panel SeriesBuilder::build(const LoadedData& data, const SeriesRequest& request, const std::vector<std::int32_t>& keys,
                           const std::vector<std::string>& keyNames) {
  if (keys.size() != data.facts.rowCount())
    throw Error("SeriesBuilder: " + std::to_string(keys.size()) + " keys for " +
                std::to_string(data.facts.rowCount()) + " rows");
  SeriesRequest req = request;
  req.groupBy.reset();
  return buildPanel(data, req, &keys, &keyNames);
}

}  // namespace foresight
