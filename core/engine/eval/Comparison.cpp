#include "engine/eval/Comparison.h"

#include <string>

#include "engine/common/Errors.h"
#include "engine/eval/RollingOriginBacktest.h"

namespace foresight {

ComparisonResult Comparison::run(const Panel& panel, const std::optional<ModelCandidate>& champion,
                                 const ModelCandidate& challenger, const BacktestConfig& config,
                                 const ComparisonOptions& options, const ProgressSink& progress,
                                 const CancellationToken* cancel) {
  std::vector<ModelCandidate> models;
  if (champion) models.push_back(*champion);
  models.push_back(challenger);
  const BacktestResult backtest = RollingOriginBacktest(config).run(panel, models, progress, cancel);
  return fromBacktest(backtest, champion ? 0 : -1, champion ? 1 : 0, options);
}

ComparisonResult Comparison::fromBacktest(const BacktestResult& backtest, int championIndex,
                                          int challengerIndex, const ComparisonOptions& options) {
  const int count = static_cast<int>(backtest.models.size());
  if (challengerIndex < 0 || challengerIndex >= count || championIndex >= count ||
      championIndex == challengerIndex)
    throw Error("comparison: model index out of range");
  ComparisonResult r;
  r.config = backtest.config;
  r.challenger = backtest.models[static_cast<std::size_t>(challengerIndex)];
  r.foldsTotal = static_cast<int>(r.challenger.folds.size());
  const auto& levels = backtest.config.levels;
  if (championIndex < 0) {
    std::vector<const MetricValues*> ok;
    for (const auto& f : r.challenger.folds)
      if (f.ok) ok.push_back(&f.metrics);
    r.foldsCompared = static_cast<int>(ok.size());
    r.challengerSummary = MetricSummary::of(ok, levels);
    return r;
  }
  r.champion = backtest.models[static_cast<std::size_t>(championIndex)];

  // Only folds where both produced a forecast count, so that both models are
  // judged on exactly the same points.
  std::vector<const MetricValues*> champ, chal;
  std::vector<double> e1, e2;
  for (std::size_t i = 0; i < r.challenger.folds.size(); ++i) {
    const FoldOutcome& a = r.champion->folds[i];
    const FoldOutcome& b = r.challenger.folds[i];
    if (!a.ok || !b.ok) continue;
    champ.push_back(&a.metrics);
    chal.push_back(&b.metrics);
    const Eigen::VectorXd ea = a.errors(), eb = b.errors();
    e1.insert(e1.end(), ea.data(), ea.data() + ea.size());
    e2.insert(e2.end(), eb.data(), eb.data() + eb.size());
  }
  r.foldsCompared = static_cast<int>(chal.size());
  r.championSummary = MetricSummary::of(champ, levels);
  r.challengerSummary = MetricSummary::of(chal, levels);
  r.dm = DieboldMariano::test(Eigen::Map<const Eigen::VectorXd>(e1.data(), static_cast<Eigen::Index>(e1.size())),
                              Eigen::Map<const Eigen::VectorXd>(e2.data(), static_cast<Eigen::Index>(e2.size())),
                              backtest.config.horizon, options.loss, options.alternative);
  return r;
}

}  // namespace foresight
