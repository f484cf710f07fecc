// Coherent forecasts of a whole hierarchy: every node fitted on all of its
// data (the bottom series with their own model when given), forecast, and
// the base forecasts reconciled by one method; with levels, reconciled
// Gaussian intervals too (bottom_up and the MinT family; Reconciler.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/models/Forecast.h"

#include "engine/common/Cancellation.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "engine/hierarchy/Reconciler.h"

namespace foresight {

struct HierarchicalForecastConfig {
  std::string model = "ets";
  std::string bottomModel;  // the bottom series' model when set
  ReconcileOptions reconcile;
  int horizon = 28;
  std::vector<double> levels;  // interval levels in (0, 100); empty = point forecasts only
  int threads = 0;  // 0 = the machine's hardware threads
};

struct HierarchicalForecastResult {
  HierarchicalPanel forecast;  // reconciled means, each node from the period after its data
  HierarchicalPanel base;      // the base forecasts, as fitted
  // Per node (node order): the reconciled mean with its intervals at the
  // levels asked for (empty without levels). With nonNegative, lower bounds
  // are held at 0.
  std::vector<Forecast> intervals;
  std::optional<double> lambda;
  int negativesSetToZero = 0;
  int periodsDropped = 0;
};

class HierarchicalForecast {
 public:
  // InputError on a bad spec or horizon, or a node whose model cannot be
  // fitted (named).
  static HierarchicalForecastResult run(const HierarchicalPanel& h, const HierarchicalForecastConfig& config,
                                        const ProgressSink& progress = {}, const CancellationToken* cancel = nullptr);
};

}  // namespace foresight
