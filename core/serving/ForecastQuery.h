// A forecast request, validated: horizon, levels, series, which version
// (alias or number), output format and, for POST, newer actuals. Malformed
// values are HttpError 400, well-formed but unacceptable ones 422, each
// naming the parameter or JSON field.
#pragma once

#include <QByteArray>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/TimeSeries.h"
#include "serving/QueryString.h"
#include "serving/ServingLimits.h"

namespace foresight::serving {

struct ForecastQuery {
  int horizon = 0;
  std::vector<double> levels{80, 95};  // ascending, distinct
  std::string series;                  // empty: every series of the model
  std::optional<std::string> alias;    // neither alias nor version: champion
  std::optional<int> version;
  bool csv = false;
  std::optional<TimeSeries> history;   // POST: newer actuals (daily grid, NaN gaps)

  // GET: everything from the query string.
  static ForecastQuery fromQuery(const QueryString& query, const ServingLimits& limits);
  // POST: alias/version/format from the query string, the rest from the
  // JSON body {"horizon","level","series","history":[{"date","value"}]}.
  static ForecastQuery fromBody(const QByteArray& body, const QueryString& query, const ServingLimits& limits);

  // "80,95": the levels as a cache key part.
  std::string levelsKey() const;

  // Shared checks (also used by the body parser).
  static int checkHorizon(long long horizon, const std::string& field, const ServingLimits& limits);
  static std::vector<double> checkLevels(std::vector<double> levels, const std::string& field, const ServingLimits& limits);
  static std::vector<double> parseLevelList(const std::string& text, const std::string& field, const ServingLimits& limits);

 private:
  void readSelection(const QueryString& query);
};

}  // namespace foresight::serving
