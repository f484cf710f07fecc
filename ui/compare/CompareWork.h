// What the Compare page does off the GUI thread, without widgets: read the
// champion from the registry, compare it with a challenger on identical
// folds and apply the promotion policy, then fit, push and promote the
// challenger with a compare-and-set of the champion alias. Each call opens
// its own registry connection (connections belong to one thread).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/eval/BacktestConfig.h"
#include "engine/eval/ComparisonResult.h"
#include "engine/eval/PromotionDecision.h"
#include "engine/eval/PromotionPolicy.h"

namespace foresight::ui {

// The champion of one registered model as last read.
struct ChampionInfo {
  std::string model;             // registered name
  std::optional<int> version;    // nullopt: no champion yet (or no such model)
  std::string spec;              // the champion's spec (empty without one)
  std::vector<std::string> series;  // the series it was fitted on (one per panel entry)
};

struct CompareOutcome {
  ChampionInfo champion;         // what was compared against
  std::string challengerSpec;
  std::string seriesName;        // the series compared on (the champion's own)
  ComparisonResult comparison;
  PromotionDecision decision;
};

struct PromoteOutcome {
  bool conflict = false;         // someone else moved the champion first; nothing changed
  std::string message;           // the conflict in words
  int version = 0;               // the pushed version, now champion (when !conflict)
  bool override = false;         // promoted against the policy's KEEP
  std::optional<int> previous;   // the champion it replaced
  std::optional<int> currentChampion;  // on conflict: who is champion now
};

class CompareWork {
 public:
  // Names of the registered models, sorted.
  static std::vector<std::string> listModels(const std::string& registryUri);
  // The model's champion and its spec; no version when the model is not
  // registered yet or has no champion.
  static ChampionInfo champion(const std::string& registryUri, const std::string& model);

  // The series of `panel` to compare on: the champion's own series (the
  // selected one when the champion was fitted on it, else the panel's series
  // of the champion's name). Without a champion: the selected one. InputError
  // naming both series when the panel has none the champion was fitted on:
  // a champion is never tested against, or replaced by a model of, another
  // series.
  static std::size_t pickSeries(const Panel& panel, std::size_t selected, const ChampionInfo& champion);

  // Backtests champion (if any) and challenger on the same folds, tests the
  // difference (Diebold-Mariano) and applies `policy`.
  static CompareOutcome compare(const TimeSeries& series, const ChampionInfo& champion,
                                const std::string& challengerSpec, const BacktestConfig& config,
                                const PromotionPolicy& policy, const ProgressSink& progress,
                                const CancellationToken& cancel);

  // Refuses (conflict, nothing pushed) when the champion is no longer
  // `outcome.champion.version`; else fits the challenger on the whole
  // series, pushes it as a new version with the comparison as its backtest
  // summary, and promotes it expecting that champion. A promotion that
  // loses the race after the push also comes back as a conflict (the new
  // version stays registered without an alias). When the policy said KEEP
  // the promotion is an override (the registry then needs a non-empty
  // `reason`) recorded with the rules that failed.
  static PromoteOutcome promote(const std::string& registryUri, const TimeSeries& series,
                                const CompareOutcome& outcome, const std::string& reason,
                                const CancellationToken& cancel);

  // The comparison summary kept in the registry's history.
  static nlohmann::json summary(const CompareOutcome& outcome);
};

}  // namespace foresight::ui
