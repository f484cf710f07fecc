// Rolling-origin evaluation of models over a series or a panel: every model
// is refitted on every fold's training window and scored on the next h
// points. Folds x models x series run as tasks on a thread pool; the result
// is the same whatever the thread count.
#pragma once

#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/eval/BacktestConfig.h"
#include "engine/eval/BacktestResult.h"
#include "engine/eval/ModelCandidate.h"

namespace foresight {

class RollingOriginBacktest {
 public:
  explicit RollingOriginBacktest(BacktestConfig config);
  const BacktestConfig& config() const { return config_; }

  // InputError when the config is invalid, no model or series is given, or
  // a series is too short for the folds. A model failing on a fold (fit or
  // forecast throws) is recorded in that fold and the others carry on.
  // CancelledError soon after `cancel` is set (checked between tasks and
  // inside each model's fit).
  BacktestResult run(const Panel& panel, const std::vector<ModelCandidate>& models,
                     const ProgressSink& progress = {},
                     const CancellationToken* cancel = nullptr) const;
  BacktestResult run(const TimeSeries& series, const std::vector<ModelCandidate>& models,
                     const ProgressSink& progress = {},
                     const CancellationToken* cancel = nullptr) const;

  // Runs one model on one fold (what each task does); never throws for a
  // model failure, only CancelledError.
  static FoldOutcome runFold(const TimeSeries& series, const Fold& fold,
                             const ModelCandidate& model, const std::vector<double>& levels,
                             int seasonalPeriod, const CancellationToken* cancel = nullptr);

 private:
  BacktestConfig config_;
};

}  // namespace foresight
