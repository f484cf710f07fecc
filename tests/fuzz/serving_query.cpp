// Fuzzes what the scoring service reads from a GET request line: the path
// (RequestPath), the query string (QueryString) and the forecast query
// (ForecastQuery::fromQuery). The input is "PATH?QUERY". Oracles:
// - a refused part is an HttpError 400 (422 for well-formed but unacceptable
//   values) with a known code whose message names the parameter or the path;
// - an accepted path holds no segment that could leave the registry
//   (".", "..", '/', '\', NUL are refused) and, percent-encoded again,
//   parses to the same segments;
// - an accepted query string, re-encoded, parses to the same parameters;
// - an accepted forecast query, written back as a query string, gives the
//   same query.
#include <QByteArray>
#include <charconv>  // std::to_chars
#include <cstdint>
#include <set>
#include <string>

#include "FuzzOracle.h"
#include "serving/ForecastQuery.h"
#include "serving/HttpError.h"
#include "serving/QueryString.h"
#include "serving/RequestPath.h"

using foresight::fuzz::check;
using foresight::fuzz::contains;
using foresight::fuzz::percentEncode;
using foresight::serving::ForecastQuery;
using foresight::serving::HttpError;
using foresight::serving::QueryString;
using foresight::serving::RequestPath;

namespace {

QByteArray bytes(const std::string& s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); }

void checkError(const HttpError& e, std::initializer_list<const char*> codes,
                std::initializer_list<const char*> subjects) {
  check(e.status() == 400 || e.status() == 422, "a refused request is a 400 or 422", e.what());
  check(std::set<std::string>(codes.begin(), codes.end()).count(e.code()) == 1, "the error code is a known one",
        e.code() + ": " + e.what());
  bool named = false;
  for (const char* s : subjects) named = named || contains(e.what(), s);
  check(named, "the error names the parameter or the path", e.what());
}

void checkPath(const std::string& raw) {
  RequestPath p;
  try {
    p = RequestPath::parse(bytes(raw));
  } catch (const HttpError& e) {
    checkError(e, {"bad_path", "invalid_utf8"}, {"path"});
    return;
  }
  std::string again = "/";
  for (std::size_t i = 0; i < p.size(); ++i) {
    const std::string& s = p[i];
    check(s != "." && s != ".." && !contains(s, "/") && !contains(s, "\\") && !contains(s, std::string(1, '\0')),
          "an accepted segment cannot leave its folder", s);
    check(foresight::serving::isValidUtf8(s), "an accepted segment is UTF-8", s);
    again += (i ? "/" : "") + percentEncode(s);
  }
  if (p.size() > 0 && p[p.size() - 1].empty()) again += "/";  // "/a//" ends in an empty segment
  RequestPath back;
  try {
    back = RequestPath::parse(bytes(again));
  } catch (const HttpError& e) {
    foresight::fuzz::violated("a re-encoded path parses", again + ": " + e.what());
  }
  check(back.segments() == p.segments(), "a path round-trips", again);
}

std::string encodeQuery(const std::map<std::string, std::string>& values) {
  std::string out;
  for (const auto& [name, value] : values) out += (out.empty() ? "" : "&") + percentEncode(name) + "=" + percentEncode(value);
  return out;
}

std::string number(double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

// The forecast query as a client would send it.
std::string encodeForecast(const ForecastQuery& q) {
  std::map<std::string, std::string> values{{"horizon", std::to_string(q.horizon)}};
  std::string levels;
  for (const double l : q.levels) levels += (levels.empty() ? "" : ",") + number(l);
  values["level"] = levels;
  if (!q.series.empty()) values["series"] = q.series;
  if (q.alias) values["alias"] = *q.alias;
  if (q.version) values["version"] = std::to_string(*q.version);
  if (q.csv) values["format"] = "csv";
  return encodeQuery(values);
}

void checkForecast(const QueryString& query, const foresight::serving::ServingLimits& limits) {
  ForecastQuery q;
  try {
    q = ForecastQuery::fromQuery(query, limits);
  } catch (const HttpError& e) {
    checkError(e,
               {"unknown_parameter", "conflicting_parameters", "bad_parameter", "out_of_range", "invalid_version",
                "missing_parameter", "invalid_horizon", "invalid_level"},
               {"horizon", "level", "alias", "version", "series", "format", "query parameter"});
    return;
  }
  check(q.horizon >= 1 && q.horizon <= limits.maxHorizon, "an accepted horizon is within the limit");
  check(!q.levels.empty() && static_cast<int>(q.levels.size()) <= limits.maxLevels, "an accepted level list is bounded");
  for (std::size_t i = 0; i < q.levels.size(); ++i)
    check(q.levels[i] > 0 && q.levels[i] < 100 && (i == 0 || q.levels[i - 1] < q.levels[i]),
          "accepted levels ascend strictly between 0 and 100", q.levelsKey());
  const std::string again = encodeForecast(q);
  ForecastQuery back;
  try {
    back = ForecastQuery::fromQuery(QueryString::parse(bytes(again)), limits);
  } catch (const HttpError& e) {
    foresight::fuzz::violated("a written-back forecast query is accepted", again + ": " + e.what());
  }
  check(back.horizon == q.horizon && back.levels == q.levels && back.series == q.series && back.alias == q.alias &&
            back.version == q.version && back.csv == q.csv,
        "a forecast query round-trips", again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t mark = text.find('?');
  checkPath(text.substr(0, mark));
  const std::string rawQuery = mark == std::string::npos ? "" : text.substr(mark + 1);
  QueryString query;
  try {
    query = QueryString::parse(bytes(rawQuery));
  } catch (const HttpError& e) {
    checkError(e, {"invalid_utf8", "repeated_parameter"}, {"query parameter"});
    return 0;
  }
  const std::string again = encodeQuery(query.values());
  QueryString back;
  try {
    back = QueryString::parse(bytes(again));
  } catch (const HttpError& e) {
    foresight::fuzz::violated("a re-encoded query string parses", again + ": " + e.what());
  }
  check(back.values() == query.values(), "a query string round-trips", again);
  checkForecast(query, foresight::serving::ServingLimits{});
  return 0;
}
