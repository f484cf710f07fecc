// Backtests a champion and a challenger on identical folds and tests whether
// their accuracy differs (Diebold-Mariano on the per-step losses, pooled
// across folds and series in time order).
#pragma once

#include <optional>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/eval/BacktestConfig.h"
#include "engine/eval/BacktestResult.h"
#include "engine/eval/ComparisonResult.h"
#include "engine/eval/DieboldMariano.h"
#include "engine/eval/ModelCandidate.h"

namespace foresight {

struct ComparisonOptions {
  DmLoss loss = DmLoss::Squared;
  DmAlternative alternative = DmAlternative::Greater;  // challenger more accurate
};

class Comparison {
 public:
  // Runs one backtest with both models (same folds, same thread pool).
  // Without a champion only the challenger is backtested.
  static ComparisonResult run(const Panel& panel, const std::optional<ModelCandidate>& champion,
                              const ModelCandidate& challenger, const BacktestConfig& config,
                              const ComparisonOptions& options = {},
                              const ProgressSink& progress = {},
                              const CancellationToken* cancel = nullptr);

  // From models already backtested together; championIndex -1 = no champion.
  static ComparisonResult fromBacktest(const BacktestResult& backtest, int championIndex,
                                       int challengerIndex, const ComparisonOptions& options = {});
};

}  // namespace foresight
