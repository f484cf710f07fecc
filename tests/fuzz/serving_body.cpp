// Fuzzes the JSON body of POST /v1/models/{name}/forecast
// (ForecastQuery::fromBody). The input is the body. Oracles:
// - a refused body is an HttpError 400, 413 or 422 with a known code whose
//   message names what is wrong: the JSON line and column for a syntax
//   error (the number's text for one beyond double's range), else the body
//   field ("history[3].date", "level", ...);
// - an accepted body round-trips: the query written back as a body (the
//   history's given points, nulls kept at both ends) gives the same horizon,
//   levels, series and daily history, value for value.
#include <QByteArray>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "FuzzOracle.h"
#include "serving/ForecastQuery.h"
#include "serving/HttpError.h"
#include "serving/QueryString.h"

using foresight::fuzz::check;
using foresight::fuzz::contains;
using foresight::serving::ForecastQuery;
using foresight::serving::HttpError;
using foresight::serving::QueryString;
using nlohmann::json;

namespace {

// What a message with each code must name.
const std::map<std::string, std::vector<std::string>> kNamed = {
    {"invalid_utf8", {"body"}},
    {"duplicate_field", {"body field '"}},
    {"bad_json", {"line ", "column "}},
    {"invalid_body", {"body"}},
    {"unknown_field", {"field"}},
    {"missing_field", {"body field '"}},
    {"invalid_field", {"body field '"}},
    {"invalid_horizon", {"horizon"}},
    {"invalid_level", {"level"}},
    {"bad_parameter", {"level"}},
    {"invalid_date", {"history["}},
    {"invalid_history", {"history"}},
    {"history_too_long", {"history"}},
};

void checkError(const HttpError& e) {
  check(e.status() == 400 || e.status() == 413 || e.status() == 422, "a refused body is a 400, 413 or 422",
        e.what());
  const auto it = kNamed.find(e.code());
  check(it != kNamed.end(), "the error code is a known one", e.code() + ": " + e.what());
  // A number beyond double's range has no position from the JSON parser; its text names it.
  if (e.code() == "bad_json" && contains(e.what(), "number overflow parsing '")) return;
  for (const auto& needle : it->second)
    check(contains(e.what(), needle), "the error names what is wrong", e.code() + ": " + e.what());
}

json writeBack(const ForecastQuery& q) {
  json body = {{"horizon", q.horizon}, {"level", q.levels}, {"history", json::array()}};
  if (!q.series.empty()) body["series"] = q.series;
  const auto& h = *q.history;
  for (Eigen::Index i = 0; i < h.size(); ++i) {
    const double v = h.values[i];
    if (std::isnan(v) && i != 0 && i != h.size() - 1) continue;  // a gap: the point was not given
    body["history"].push_back({{"date", h.start.addDays(static_cast<std::int32_t>(i)).toIso()},
                               {"value", std::isnan(v) ? json(nullptr) : json(v)}});
  }
  return body;
}

bool sameValues(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const foresight::serving::ServingLimits limits;
  const QByteArray body(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
  ForecastQuery q;
  try {
    q = ForecastQuery::fromBody(body, QueryString{}, limits);
  } catch (const HttpError& e) {
    checkError(e);
    return 0;
  }
  check(q.history.has_value() && q.history->size() >= 1, "an accepted body has a history");
  check(q.horizon >= 1 && q.horizon <= limits.maxHorizon, "an accepted horizon is within the limit");
  for (Eigen::Index i = 0; i < q.history->size(); ++i)
    check(std::isnan(q.history->values[i]) || std::isfinite(q.history->values[i]),
          "an accepted history holds numbers or gaps, never infinities", std::to_string(q.history->values[i]));

  const std::string again = writeBack(q).dump();
  ForecastQuery back;
  try {
    back = ForecastQuery::fromBody(QByteArray::fromStdString(again), QueryString{}, limits);
  } catch (const HttpError& e) {
    foresight::fuzz::violated("a written-back body is accepted", again + ": " + e.what());
  }
  check(back.horizon == q.horizon && back.levels == q.levels && back.series == q.series, "a body round-trips", again);
  check(back.history->start == q.history->start && back.history->name == q.history->name &&
            sameValues(back.history->values, q.history->values),
        "a history round-trips", again);
  return 0;
}
