// The outcome of a rolling-origin backtest: every fold of every model on
// every series, with summaries over folds and per horizon step.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/eval/BacktestConfig.h"
#include "engine/eval/FoldOutcome.h"
#include "engine/eval/MetricSummary.h"
#include "engine/eval/MetricValues.h"

namespace foresight {

struct ModelBacktest {
  std::string label;
  std::string spec;
  std::vector<FoldOutcome> folds;     // series in input order, then folds earliest first
  MetricSummary summary;              // over the successful folds of all series
  std::vector<MetricValues> perStep;  // step 1..h, each over the successful folds

  int succeededFolds() const;
  int failedFolds() const;
  // Summarises folds into summary and perStep (called by the backtest).
  void summarise(const std::vector<double>& levels);
};

struct BacktestResult {
  BacktestConfig config;               // as run; levels ascending
  std::vector<std::string> series;     // names, in input order
  std::vector<int> seasonalPeriods;    // m used for MASE/RMSSE, per series
  std::vector<ModelBacktest> models;   // in the order given

  // The model with this label, or nullptr.
  const ModelBacktest* find(const std::string& label) const;
  // {"config", "series":[{"name","seasonal_period"}], "models":[{"label","spec",
  //  "succeeded","failed","summary","per_step":[...],"folds":[...]}]}
  nlohmann::json toJson() const;
};

}  // namespace foresight
