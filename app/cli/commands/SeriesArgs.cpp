#include "SeriesArgs.h"

#include "engine/common/Errors.h"

namespace foresight::cli::series_args {

namespace {

template <class T>
T parsedOr(const ParsedArgs& args, const std::string& name, std::optional<T> (*parse)(std::string_view),
           const char* allowed, T fallback) {
  const auto text = args.get(name);
  if (!text) return fallback;
  const auto v = parse(*text);
  if (!v) throw UsageError("--" + name + ": unknown value " + quoteForMessage(*text) + " (use " + allowed + ")");
  return *v;
}

std::optional<Date> dateOption(const ParsedArgs& args, const std::string& name) {
  const auto text = args.get(name);
  if (!text) return std::nullopt;
  const auto d = Date::parseIso(*text);
  if (!d) throw UsageError("--" + name + ": expected a date YYYY-MM-DD, got " + quoteForMessage(*text));
  return d;
}

SeriesRequest parse(const ParsedArgs& args) {
  SeriesRequest r;
  if (args.has("measure"))
    r.measure = parsedOr<Measure>(args, "measure", parseMeasure, "revenue, cost, quantity, orders, amount", {});
  r.frequency = parsedOr<Frequency>(args, "freq", parseFrequency, "D, W, M, Q, Y", Frequency::Daily);
  if (args.has("by"))
    r.groupBy = parsedOr<Dimension>(args, "by", parseDimension,
                                    "territory, region, country, category, subcategory, product, series", {});
  r.aggregation = parsedOr<Aggregation>(args, "agg", parseAggregation, "sum, mean, count", Aggregation::Sum);
  if (args.has("fill"))
    r.fill = parsedOr<GapPolicy>(args, "fill", parseGapPolicy, "zero, interpolate, none", GapPolicy::Zero);
  r.from = dateOption(args, "from");
  r.to = dateOption(args, "to");
  return r;
}

}  // namespace

void declare(ArgParser& p) {
  p.option({"measure", "M", "revenue, cost, quantity, orders or amount (default: the source's main measure)", "", false});
  p.option({"freq", "F", "Frequency: D (daily), W (weeks from Monday), M (months), Q, Y", "D", false});
  p.option({"by", "G", "Group into one series per territory, region, country, category, subcategory, product or series", "", false});
  p.option({"agg", "A", "sum, mean (per row) or count (rows)", "sum", false});
  p.option({"fill", "P", "Periods without rows: zero, interpolate or none (empty value)", "", false});
  p.option({"from", "DATE", "First date to include (YYYY-MM-DD)", "", false});
  p.option({"to", "DATE", "Last date to include (YYYY-MM-DD)", "", false});
}

SeriesRequest request(const ParsedArgs& args) { return parse(args); }

}  // namespace foresight::cli::series_args
