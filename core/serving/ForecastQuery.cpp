#include "serving/ForecastQuery.h"

#include <algorithm>
#include <charconv>  // std::from_chars

#include "engine/common/Errors.h"  // quoteForMessage
#include "engine/models/ForecastTable.h"
#include "engine/models/IntervalLevels.h"
#include "registry/RegistryNames.h"
#include "serving/HttpError.h"

namespace foresight::serving {

namespace {

constexpr std::size_t kMaxSeriesName = 256;

long long parseInteger(const std::string& text, const std::string& field) {
  long long v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc::result_out_of_range)
    throw HttpError::unprocessable("out_of_range", field + " " + quoteForMessage(text) + " is out of range");
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size())
    throw HttpError::badRequest("bad_parameter", field + ": " + quoteForMessage(text) + " is not an integer");
  return v;
}

}  // namespace

int ForecastQuery::checkHorizon(long long horizon, const std::string& field, const ServingLimits& limits) {
  if (horizon < 1 || horizon > limits.maxHorizon)
    throw HttpError::unprocessable("invalid_horizon", field + " must be between 1 and " + std::to_string(limits.maxHorizon) +
                                                          ", got " + std::to_string(horizon));
  return static_cast<int>(horizon);
}

std::vector<double> ForecastQuery::checkLevels(std::vector<double> levels, const std::string& field, const ServingLimits& limits) {
  if (levels.empty()) throw HttpError::unprocessable("invalid_level", field + " names no level");
  if (static_cast<int>(levels.size()) > limits.maxLevels)
    throw HttpError::unprocessable("invalid_level", field + " names " + std::to_string(levels.size()) + " levels; at most " +
                                                        std::to_string(limits.maxLevels) + " are allowed");
  try {
    IntervalLevels::check(levels, field);
  } catch (const InputError& e) {
    throw HttpError::unprocessable("invalid_level", field + ": " + e.problem());
  }
  std::sort(levels.begin(), levels.end());
  return levels;
}

std::vector<double> ForecastQuery::parseLevelList(const std::string& text, const std::string& field, const ServingLimits& limits) {
  std::vector<double> levels;
  try {
    // One more than allowed is read, so that checkLevels reports the count.
    levels = IntervalLevels::numbers(text, field, static_cast<std::size_t>(limits.maxLevels) + 1);
  } catch (const InputError& e) {
    throw HttpError::badRequest("bad_parameter", field + ": " + e.problem());
  }
  // An empty parameter is malformed, not a request without intervals.
  if (levels.empty()) throw HttpError::badRequest("bad_parameter", field + " is empty (e.g. " + field + "=80,95)");
  return checkLevels(std::move(levels), field, limits);
}

void ForecastQuery::readSelection(const QueryString& query) {
  const auto a = query.get("alias");
  const auto v = query.get("version");
  if (a && v) throw HttpError::badRequest("conflicting_parameters", "give alias or version, not both");
  if (a) {
    if (!registry::isValidName(*a))
      throw HttpError::badRequest("bad_parameter", "alias: " + quoteForMessage(*a) + " is not a valid alias name");
    alias = *a;
  }
  if (v) {
    const long long n = parseInteger(*v, "version");
    if (n < 1 || n > 1000000000) throw HttpError::unprocessable("invalid_version", "version must be a positive integer");
    version = static_cast<int>(n);
  }
  const std::string format = query.get("format").value_or("json");
  if (format != "json" && format != "csv")
    throw HttpError::badRequest("bad_parameter", "format: expected json or csv, got " + quoteForMessage(format));
  csv = format == "csv";
  if (const auto s = query.get("series")) {
    if (s->empty() || s->size() > kMaxSeriesName)
      throw HttpError::badRequest("bad_parameter", "series: expected a series name of 1 to 256 bytes");
    series = *s;
  }
}

ForecastQuery ForecastQuery::fromQuery(const QueryString& query, const ServingLimits& limits) {
  query.requireOnly({"horizon", "level", "alias", "version", "series", "format", "api_key"});
  ForecastQuery q;
  q.readSelection(query);
  const auto h = query.get("horizon");
  if (!h) throw HttpError::badRequest("missing_parameter", "horizon is required (e.g. ?horizon=30)");
  q.horizon = checkHorizon(parseInteger(*h, "horizon"), "horizon", limits);
  if (const auto l = query.get("level")) q.levels = parseLevelList(*l, "level", limits);
  return q;
}

std::string ForecastQuery::levelsKey() const {
  std::string key;
  for (const double l : levels) key += (key.empty() ? "" : ",") + ForecastTable::levelLabel(l);
  return key;
}

}  // namespace foresight::serving
