#include "pipeline/CandidateEvaluation.h"

#include "engine/common/Errors.h"
#include "engine/eval/Comparison.h"
#include "engine/eval/RollingOriginBacktest.h"

namespace foresight::pipeline {

namespace {

// Same spec, identical folds: the backtests are equal, so no test can prefer
// the newer model although it has seen more data. A refresh promotes it.
void applyRefreshRule(CandidateEvaluation& e, const PipelineConfig& config, Date dataEnd) {
  if (e.decision.promote || !config.promoteRefresh || !e.champion) return;
  // Compare what the specs make, so "ets" and its spelled-out defaults match.
  const auto canonical = [](const std::string& spec) { return ModelCandidate::fromSpec(spec).make()->specText(); };
  if (canonical(e.best().spec) != canonical(e.champion->spec)) return;
  const std::string end = dataEnd.toIso();
  if (!(end > e.champion->trainEnd)) return;
  e.decision.checks.push_back(
      {"refresh", true,
       "The challenger is the champion's own spec '" + e.champion->spec + "' retrained on data through " + end +
           " (the champion's data ends " + e.champion->trainEnd +
           "); identical backtests cannot show an improvement, so the policy's promote_refresh promotes it."});
  e.decision.promote = true;
}

}  // namespace

std::string CandidateEvaluation::championLabel(const ChampionInfo& c) {
  return "champion v" + std::to_string(c.version) + ": " + c.spec;
}

std::string CandidateEvaluation::decisionText(int challengerVersion) const {
  std::string text;
  const std::string v = "v" + std::to_string(challengerVersion) + " (" + best().label + ")";
  if (decision.promote)
    text = champion ? "promoted " + v + " over champion v" + std::to_string(champion->version) + ":"
                    : "promoted " + v + " as the first champion:";
  else
    text = champion ? "kept champion v" + std::to_string(champion->version) + ", challenger " + v + " not promoted:"
                    : "no champion and " + v + " not promoted:";
  // A kept champion names only the rules that failed; a promotion every rule it passed.
  for (const auto& c : decision.checks)
    if (decision.promote || !c.passed) text += " [" + c.rule + (c.passed ? " passed] " : " FAILED] ") + c.reason;
  return text;
}

CandidateEvaluation CandidateEvaluation::run(const PipelineConfig& config, const Panel& panel,
                                             const std::optional<ChampionInfo>& champion, Date dataEnd,
                                             const ProgressSink& progress, const CancellationToken* cancel) {
  if (config.candidates.empty())
    throw InputError(InputLocation{config.file, 0, "candidates", ""}, "no candidates: list model specs or give --candidates");
  std::vector<ModelCandidate> models;
  for (const auto& spec : config.candidates) models.push_back(ModelCandidate::fromSpec(spec));
  CandidateEvaluation e;
  e.champion = champion;
  if (champion) models.push_back(ModelCandidate::fromSpec(champion->spec, championLabel(*champion)));
  e.backtest = RollingOriginBacktest(config.backtest).run(panel, models, progress, cancel);
  e.leaderboard = Leaderboard::build(e.backtest, config.metric);
  if (champion) e.championIndex = static_cast<int>(models.size()) - 1;
  const std::string championText = champion ? championLabel(*champion) : std::string();
  for (const auto& entry : e.leaderboard.entries()) {
    if (entry.succeeded == 0 || (champion && entry.label == championText)) continue;
    for (std::size_t i = 0; i < config.candidates.size(); ++i)
      if (e.backtest.models[i].label == entry.label) e.bestIndex = static_cast<int>(i);
    break;
  }
  if (e.bestIndex < 0) {
    std::string why;
    for (const auto& entry : e.leaderboard.entries())
      if (!champion || entry.label != championText) why += "; " + entry.label + ": " + entry.firstError;
    throw InputError(InputLocation{config.file, 0, "candidates", ""}, "every candidate failed on every fold" + why);
  }
  ComparisonOptions options;
  options.loss = config.policy.loss;
  options.alternative = config.policy.alternative;
  e.comparison = Comparison::fromBacktest(e.backtest, e.championIndex, e.bestIndex, options);
  e.decision = config.policy.decide(e.comparison);
  applyRefreshRule(e, config, dataEnd);
  return e;
}

}  // namespace foresight::pipeline
