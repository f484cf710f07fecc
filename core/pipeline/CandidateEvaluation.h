// The pipeline's evaluation stages: backtest every candidate (and the
// current champion's spec, refitted on the same folds) in one rolling-origin
// run, rank them, pick the best candidate, compare it with the champion on
// identical folds and let the promotion policy decide.
#pragma once

#include <optional>
#include <string>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/eval/BacktestResult.h"
#include "engine/eval/ComparisonResult.h"
#include "engine/eval/Leaderboard.h"
#include "engine/eval/PromotionDecision.h"
#include "pipeline/PipelineConfig.h"

namespace foresight::pipeline {

// The champion as registered: version, the spec it was made from, and the
// end of its training data.
struct ChampionInfo {
  int version = 0;
  std::string spec;
  std::string trainEnd;  // ISO date
};

struct CandidateEvaluation {
  BacktestResult backtest;  // candidates in config order, then the champion
  Leaderboard leaderboard;  // every model, the champion included
  int bestIndex = -1;       // into backtest.models
  int championIndex = -1;   // into backtest.models; -1 without a champion
  std::optional<ChampionInfo> champion;
  ComparisonResult comparison;
  PromotionDecision decision;

  const ModelBacktest& best() const { return backtest.models[static_cast<std::size_t>(bestIndex)]; }
  // "champion v3: ets(...)": the champion's leaderboard label.
  static std::string championLabel(const ChampionInfo& c);
  // One line for the registry history: "promoted ..." or "kept champion vN ...",
  // each failed rule named.
  std::string decisionText(int challengerVersion) const;

  // InputError when no candidate completed a fold (naming each one's first error).
  static CandidateEvaluation run(const PipelineConfig& config, const Panel& panel,
                                 const std::optional<ChampionInfo>& champion, Date dataEnd,
                                 const ProgressSink& progress, const CancellationToken* cancel);
};

}  // namespace foresight::pipeline
