// What the Models page computes in the background for a set of specs: the
// rolling-origin backtest, then every model fitted on the whole series for
// its forecast, in-sample residuals and their Ljung-Box test.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/eval/BacktestConfig.h"
#include "engine/eval/BacktestResult.h"
#include "engine/models/Forecast.h"
#include "engine/models/stats/LjungBoxTest.h"

namespace foresight::ui {

// One model fitted on the whole series.
struct FullFit {
  std::string label;
  bool ok = false;
  std::string error;                 // why fitting or forecasting failed
  Forecast forecast;                 // horizon past the data, with the backtest's levels
  Eigen::VectorXd residuals;         // in-sample, aligned with the series (NaN where none)
  std::optional<stats::LjungBoxResult> ljungBox;
  std::string ljungBoxNote;          // why the test could not run
};

struct ModelsRun {
  TimeSeries series;                 // what was backtested
  BacktestResult backtest;
  std::vector<FullFit> fits;         // one per model, in backtest order

  // Backtests `specs` on `series` (80% of the progress), then fits each on
  // the whole series (the rest). InputError for a bad spec or settings
  // (before any work), CancelledError when `cancel` is set.
  static ModelsRun compute(const TimeSeries& series, const std::vector<std::string>& specs,
                           const BacktestConfig& config, const ProgressSink& progress,
                           const CancellationToken& cancel);
  // Fits one model on the whole series; never throws for a model failure.
  static FullFit fitFull(const TimeSeries& series, const std::string& spec, const std::string& label,
                         const BacktestConfig& config);
};

}  // namespace foresight::ui
