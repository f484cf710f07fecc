// Models of a backtest ranked by one metric (mean over folds, best first),
// with the spread across folds and how many folds failed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/eval/BacktestResult.h"
#include "engine/eval/MetricKey.h"
#include "engine/eval/MetricSummary.h"

namespace foresight {

struct LeaderboardEntry {
  int rank = 0;            // 1 = best; models with no defined value come last
  std::string label;
  std::string spec;
  Spread value;            // the ranking metric over the model's successful folds
  int succeeded = 0;
  int failed = 0;
  std::string firstError;  // the first failure's message, if any
};

class Leaderboard {
 public:
  // Ties keep the models' input order. InputError when the metric asks for
  // an interval level the backtest did not score.
  static Leaderboard build(const BacktestResult& result, const MetricKey& metric);

  const MetricKey& metric() const { return metric_; }
  const std::vector<LeaderboardEntry>& entries() const { return entries_; }
  // A fixed-width text table (rank, model, mean, std, min, max, folds).
  std::string toText() const;
  nlohmann::json toJson() const;

 private:
  MetricKey metric_;
  std::vector<LeaderboardEntry> entries_;
};

}  // namespace foresight
