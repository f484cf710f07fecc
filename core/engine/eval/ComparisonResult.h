// Champion vs challenger on identical folds: both backtests, their metrics
// over the folds where both succeeded, and the Diebold-Mariano test.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "engine/eval/BacktestConfig.h"
#include "engine/eval/BacktestResult.h"
#include "engine/eval/DieboldMariano.h"
#include "engine/eval/MetricSummary.h"

namespace foresight {

struct ComparisonResult {
  BacktestConfig config;
  std::optional<ModelBacktest> champion;  // empty: nothing to compare with yet
  ModelBacktest challenger;
  int foldsTotal = 0;                     // series x folds
  int foldsCompared = 0;                  // folds where both models succeeded
  MetricSummary championSummary;          // over the compared folds only
  MetricSummary challengerSummary;        // over the compared folds only
  DieboldMarianoResult dm;                // champion = method 1, challenger = method 2

  bool hasChampion() const { return champion.has_value(); }
  // Both full backtests are included (with every fold) under "backtest".
  nlohmann::json toJson() const;
};

}  // namespace foresight
