// A rolling-origin backtest of a hierarchy: on every fold each node gets a
// base forecast from its own model fitted to the fold's training window
// (`model`; the bottom series may take another, e.g. croston for
// intermittent products), the base forecasts are reconciled by each method
// asked for, and every node's forecast is scored against its actuals. The
// result is MASE and RMSSE per method and per level (the mean over the
// level's nodes of each node's score over all folds), and over all levels
// (the mean over every node), so that "which method is best where" can be
// read off one table. "base" is the unreconciled forecasts.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/eval/BacktestConfig.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "engine/hierarchy/ReconcileMethod.h"

namespace foresight {

struct HierarchicalBacktestConfig {
  BacktestConfig backtest;         // folds, horizon, step, gap, window, seasonal period, threads
  std::string model = "ets";       // spec for every node...
  std::string bottomModel;         // ...but the bottom ones when set
  std::vector<ReconcileMethod> methods = {ReconcileMethod::BottomUp, ReconcileMethod::MintShrink};
  int middleDepth = 1;             // for middle_out
  bool nonNegative = false;        // reconciled bottom values held at >= 0
};

struct LevelScore {
  std::string method;  // "base" or a method name
  int depth = 0;       // -1 = all levels
  std::string level;   // "total", "region", ..., or "all"
  int nodes = 0;       // nodes averaged (a node whose score is undefined is left out)
  double mase = 0, rmsse = 0;
};

struct HierarchicalBacktestResult {
  std::vector<LevelScore> scores;   // per method: each depth top-down, then "all"
  std::vector<std::string> notes;   // fits that failed, nodes left out
  // The best method (lowest mean MASE over all levels), "base" included.
  std::string bestOverall() const;
  // The same among the reconciliation methods only ("base" is not coherent).
  std::string bestReconciled() const;
  // [{"method", "level", "depth", "nodes", "mase", "rmsse"}, ...]
  nlohmann::json scoresJson() const;
};

class HierarchicalBacktest {
 public:
  // InputError when a model spec is invalid or the series are too short for
  // the folds; a node whose model cannot be fitted on a fold stops the run
  // with that node and fold named (reconciliation needs every node).
  static HierarchicalBacktestResult run(const HierarchicalPanel& h, const HierarchicalBacktestConfig& config,
                                        const ProgressSink& progress = {}, const CancellationToken* cancel = nullptr);
};

}  // namespace foresight
