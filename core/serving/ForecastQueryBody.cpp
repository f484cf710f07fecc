// ForecastQuery::fromBody: the JSON body of POST /v1/models/{name}/forecast.
#include <algorithm>
#include <cmath>   // std::isfinite
#include <limits>  // quiet_NaN
#include <nlohmann/json.hpp>

#include "engine/common/Date.h"
#include "engine/common/Errors.h"  // quoteForMessage
#include "engine/io/JsonText.h"
#include "serving/ForecastQuery.h"
#include "serving/HttpError.h"

namespace foresight::serving {

namespace {

// Longest stretch of days a history may span (about 200 years): the points
// are laid on a daily grid before the model puts them on its own.
constexpr int kMaxHistoryDays = 200 * 366;

HttpError wrongType(const std::string& field, const std::string& expected) {
  return HttpError::unprocessable("invalid_field", "body field '" + field + "' must be " + expected);
}

std::vector<double> readLevels(const nlohmann::json& j, const ServingLimits& limits) {
  if (j.is_string()) return ForecastQuery::parseLevelList(j.get<std::string>(), "level", limits);
  if (j.is_number()) return ForecastQuery::checkLevels({j.get<double>()}, "level", limits);
  if (!j.is_array()) throw wrongType("level", "a number, an array of numbers or a string like \"80,95\"");
  if (static_cast<int>(j.size()) > limits.maxLevels) return ForecastQuery::checkLevels(std::vector<double>(j.size(), 50.0), "level", limits);
  std::vector<double> levels;
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_number()) throw wrongType("level[" + std::to_string(i) + "]", "a number");
    levels.push_back(j[i].get<double>());
  }
  return ForecastQuery::checkLevels(std::move(levels), "level", limits);
}

TimeSeries readHistory(const nlohmann::json& j, const std::string& series, const ServingLimits& limits) {
  if (!j.is_array()) throw wrongType("history", "an array of {\"date\",\"value\"} objects");
  if (j.empty()) throw HttpError::unprocessable("invalid_history", "body field 'history' is empty");
  if (static_cast<long long>(j.size()) > limits.maxHistory)
    throw HttpError(413, "history_too_long", "history has " + std::to_string(j.size()) + " points; at most " +
                                                 std::to_string(limits.maxHistory) + " are allowed");
  std::vector<std::pair<Date, double>> points;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string at = "history[" + std::to_string(i) + "]";
    const nlohmann::json& p = j[i];
    if (!p.is_object()) throw wrongType(at, "an object {\"date\",\"value\"}");
    for (const auto& [key, value] : p.items())
      if (key != "date" && key != "value") throw HttpError::unprocessable("unknown_field", "unknown field '" + at + "." + key + "'");
    if (!p.contains("date") || !p["date"].is_string()) throw wrongType(at + ".date", "a date string YYYY-MM-DD");
    const std::string text = p["date"].get<std::string>();
    const auto date = Date::parseIso(text);
    if (!date) throw HttpError::unprocessable("invalid_date", at + ".date: " + quoteForMessage(text) + " is not a date YYYY-MM-DD");
    if (!p.contains("value")) throw wrongType(at + ".value", "a number or null");
    const nlohmann::json& v = p["value"];
    if (!v.is_null() && !v.is_number()) throw wrongType(at + ".value", "a number or null");
    points.emplace_back(*date, v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>());
  }
  std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.first.days() < b.first.days(); });
  for (std::size_t i = 1; i < points.size(); ++i)
    if (points[i].first.days() == points[i - 1].first.days())
      throw HttpError::unprocessable("invalid_history", "history gives " + points[i].first.toIso() + " twice");
  const int span = points.back().first.days() - points.front().first.days();
  if (span > kMaxHistoryDays) throw HttpError::unprocessable("invalid_history", "history spans more than 200 years");
  TimeSeries s{series, Frequency::Daily, points.front().first,
               Eigen::VectorXd::Constant(span + 1, std::numeric_limits<double>::quiet_NaN())};
  for (const auto& [d, v] : points) s.values[d.days() - points.front().first.days()] = v;
  return s;
}

}  // namespace

ForecastQuery ForecastQuery::fromBody(const QByteArray& body, const QueryString& query, const ServingLimits& limits) {
  query.requireOnly({"alias", "version", "format", "api_key"});
  ForecastQuery q;
  q.readSelection(query);
  if (!isValidUtf8(std::string_view(body.constData(), static_cast<std::size_t>(body.size()))))
    throw HttpError::badRequest("invalid_utf8", "the request body is not valid UTF-8");
  nlohmann::json j;
  try {
    j = parseJsonText(std::string_view(body.constData(), static_cast<std::size_t>(body.size())), "request body");
  } catch (const JsonTextError& e) {
    if (e.kind() == JsonTextError::Kind::DuplicateKey)
      throw HttpError::badRequest("duplicate_field", "body field " + quoteForMessage(e.where().field) +
                                                         " appears more than once; send each field once");
    throw HttpError::badRequest("bad_json", "the request body is " + e.problem());
  }
  if (!j.is_object()) throw HttpError::unprocessable("invalid_body", "the request body must be a JSON object");
  for (const auto& [key, value] : j.items())
    if (key != "horizon" && key != "level" && key != "series" && key != "history")
      throw HttpError::unprocessable("unknown_field", "unknown body field " + quoteForMessage(key) +
                                                          "; expected horizon, level, series, history");
  if (!j.contains("horizon")) throw HttpError::unprocessable("missing_field", "body field 'horizon' is required");
  const nlohmann::json& h = j["horizon"];
  if (!h.is_number_integer()) throw wrongType("horizon", "an integer");
  q.horizon = checkHorizon(h.is_number_unsigned() && h.get<unsigned long long>() > 1ULL << 40 ? 1LL << 40 : h.get<long long>(),
                           "horizon", limits);
  if (j.contains("level")) q.levels = readLevels(j["level"], limits);
  if (j.contains("series")) {
    if (!j["series"].is_string() || j["series"].get<std::string>().empty() || j["series"].get<std::string>().size() > 256)
      throw wrongType("series", "a series name of 1 to 256 bytes");
    q.series = j["series"].get<std::string>();
  }
  if (!j.contains("history")) throw HttpError::unprocessable("missing_field", "body field 'history' is required");
  q.history = readHistory(j["history"], q.series, limits);
  return q;
}

}  // namespace foresight::serving
