// Computes every accuracy metric of a set of scored points (docs/evaluation.md
// has the formulas). Errors are e = actual - forecast, so a positive bias
// means the forecasts were too low.
#pragma once

#include "engine/eval/MetricValues.h"
#include "engine/eval/ScoredPoints.h"

namespace foresight {

class Metrics {
 public:
  // Points whose actual is missing are left out (and counted in a note).
  // A metric that cannot be computed is NaN with a note saying why; none
  // is ever infinite.
  static MetricValues compute(const ScoredPoints& points);
};

}  // namespace foresight
