// Accuracy of one set of scored points. NaN marks an undefined metric and
// `notes` says why (MAPE with a zero actual, MASE with no in-sample scale).
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/eval/MetricKey.h"

namespace foresight {

struct IntervalScores {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double level = 0.0;        // e.g. 80
  double coverage = kNaN;    // share of actuals inside [lower, upper], in [0, 1]
  double winkler = kNaN;     // mean interval (Winkler) score
  double pinball = kNaN;     // mean quantile loss of the two bounds
};

struct MetricValues {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  int points = 0;            // actuals scored (missing ones left out)
  double mae = kNaN, rmse = kNaN, mape = kNaN, smape = kNaN;
  double mase = kNaN, rmsse = kNaN, r2 = kNaN, bias = kNaN;
  std::vector<IntervalScores> intervals;  // one per level, ascending
  std::vector<std::string> notes;         // why a metric is undefined

  // The metric's value; NaN when undefined or its level was not scored.
  double value(const MetricKey& key) const;
  // {"points", "mae", ..., "intervals":[{"level","coverage","winkler","pinball"}],
  //  "notes"}; undefined values are null.
  nlohmann::json toJson() const;
};

// NaN and infinities as JSON null (JSON has no NaN).
nlohmann::json numberOrNull(double v);

}  // namespace foresight
