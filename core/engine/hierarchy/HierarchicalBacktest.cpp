#include "engine/hierarchy/HierarchicalBacktest.h"

#include <cmath>
#include <limits>

#include "engine/common/Errors.h"
#include "engine/eval/FoldLayout.h"
#include "engine/eval/Metrics.h"
#include "engine/eval/NaiveScale.h"
#include "engine/models/ModelFactory.h"
#include "engine/hierarchy/NodeFits.h"
#include "engine/hierarchy/Reconciler.h"

namespace foresight {


namespace {

std::string lowestOverall(const std::vector<LevelScore>& scores, bool withBase) {
  std::string best;
  double bestMase = std::numeric_limits<double>::infinity();
  for (const auto& s : scores)
    if (s.depth < 0 && (withBase || s.method != "base") && s.mase < bestMase) {
      bestMase = s.mase;
      best = s.method;
    }
  return best;
}

}  // namespace

std::string HierarchicalBacktestResult::bestOverall() const { return lowestOverall(scores, true); }

std::string HierarchicalBacktestResult::bestReconciled() const { return lowestOverall(scores, false); }

nlohmann::json HierarchicalBacktestResult::scoresJson() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : scores)
    out.push_back({{"method", s.method}, {"level", s.level}, {"depth", s.depth}, {"nodes", s.nodes}, {"mase", s.mase},
                   {"rmsse", s.rmsse}});
  return out;
}

HierarchicalBacktestResult HierarchicalBacktest::run(const HierarchicalPanel& h, const HierarchicalBacktestConfig& config,
                                                     const ProgressSink& progress, const CancellationToken* cancel) {
  const Hierarchy& hierarchy = h.hierarchy;
  const int nodes = hierarchy.size();
  const TimeSeries& total = h.panel.series.front();
  const ModelSpec spec = ModelSpec::parse(config.model);
  const ModelSpec bottomSpec = ModelSpec::parse(config.bottomModel.empty() ? config.model : config.bottomModel);
  (void)ModelFactory::create(spec);  // validates the specs before any work
  (void)ModelFactory::create(bottomSpec);
  const std::vector<Fold> folds = FoldLayout::make(total.size(), config.backtest, total.name);
  const int period = config.backtest.seasonalPeriod > 0 ? config.backtest.seasonalPeriod
                                                        : defaultSeasonalPeriod(total.frequency);

  // Fit every node on every fold: the costly part.
  std::vector<NodeFits> fits;
  for (std::size_t k = 0; k < folds.size(); ++k) {
    const Fold& fold = folds[k];
    fits.push_back(NodeFits::fit(h, spec, bottomSpec, fold.trainBegin, fold.trainSize(), fold.forecastSteps(),
                                 config.backtest.threads, "fold " + std::to_string(fold.index + 1), cancel,
                                 [&](std::size_t done) {
                                   if (progress)
                                     progress(0.9 * (static_cast<double>(k) + static_cast<double>(done) / nodes) /
                                                  static_cast<double>(folds.size()),
                                              "fitting");
                                 }));
  }

  // Methods: "base" first, then those asked for.
  std::vector<std::string> methodNames{"base"};
  for (const ReconcileMethod m : config.methods) methodNames.emplace_back(reconcileMethodName(m));
  // Scored points per method and node, pooled over the folds.
  const std::size_t perFold = static_cast<std::size_t>(folds.front().testEnd - folds.front().testBegin);
  std::vector<std::vector<ScoredPoints>> points(methodNames.size(), std::vector<ScoredPoints>(static_cast<std::size_t>(nodes)));
  for (auto& byNode : points)
    for (auto& p : byNode) p = ScoredPoints::withSize(static_cast<Eigen::Index>(perFold * folds.size()), {});

  for (std::size_t k = 0; k < folds.size(); ++k) {
    const Fold& fold = folds[k];
    ReconcileInputs in;
    in.base = fits[k].forecast;
    in.residuals = fits[k].residuals;
    in.history.resize(nodes, fold.trainSize());
    for (int i = 0; i < nodes; ++i)
      in.history.row(i) = h.panel.series[static_cast<std::size_t>(i)].values.segment(fold.trainBegin, fold.trainSize()).transpose();
    std::vector<Eigen::MatrixXd> forecasts{in.base};
    for (const ReconcileMethod m : config.methods) {
      ReconcileOptions options;
      options.method = m;
      options.middleDepth = config.middleDepth;
      options.nonNegative = config.nonNegative;
      forecasts.push_back(Reconciler::reconcile(hierarchy, in, options).mean);
    }
    const Eigen::Index skip = fold.testBegin - fold.trainEnd;  // the gap
    for (int i = 0; i < nodes; ++i) {
      const Eigen::VectorXd& y = h.panel.series[static_cast<std::size_t>(i)].values;
      const NaiveScale scale = NaiveScale::of(y.segment(fold.trainBegin, fold.trainSize()), period);
      for (std::size_t m = 0; m < forecasts.size(); ++m) {
        ScoredPoints& p = points[m][static_cast<std::size_t>(i)];
        for (std::size_t j = 0; j < perFold; ++j) {
          const auto at = static_cast<Eigen::Index>(k * perFold + j);
          p.actual[at] = y[fold.testBegin + static_cast<Eigen::Index>(j)];
          p.forecast[at] = forecasts[m](i, skip + static_cast<Eigen::Index>(j));
          p.scaleAbs[at] = scale.meanAbs;
          p.scaleSq[at] = scale.meanSq;
        }
      }
    }
    if (progress) progress(0.9 + 0.1 * static_cast<double>(k + 1) / static_cast<double>(folds.size()), "reconciling");
  }

  HierarchicalBacktestResult result;
  const int depths = static_cast<int>(hierarchy.levels().size()) + 1;
  for (std::size_t m = 0; m < methodNames.size(); ++m) {
    std::vector<MetricValues> byNode;
    for (int i = 0; i < nodes; ++i) {
      byNode.push_back(Metrics::compute(points[m][static_cast<std::size_t>(i)]));
      const MetricValues& v = byNode.back();
      if (m == 0 && !(std::isfinite(v.mase) && std::isfinite(v.rmsse)))
        result.notes.push_back("'" + hierarchy.nodes()[static_cast<std::size_t>(i)].name +
                               "' is left out of the averages: its MASE/RMSSE is undefined (a training window "
                               "without change?)");
    }
    // The mean over the nodes at `depth` (-1: every node).
    const auto average = [&](int depth) {
      LevelScore s{methodNames[m], depth, depth < 0 ? "all" : hierarchy.levelName(depth), 0, 0, 0};
      for (int i = 0; i < nodes; ++i) {
        const MetricValues& v = byNode[static_cast<std::size_t>(i)];
        if ((depth >= 0 && hierarchy.nodes()[static_cast<std::size_t>(i)].depth != depth) ||
            !(std::isfinite(v.mase) && std::isfinite(v.rmsse)))
          continue;
        s.mase += v.mase;
        s.rmsse += v.rmsse;
        ++s.nodes;
      }
      s.mase = s.nodes ? s.mase / s.nodes : std::numeric_limits<double>::quiet_NaN();
      s.rmsse = s.nodes ? s.rmsse / s.nodes : std::numeric_limits<double>::quiet_NaN();
      return s;
    };
    for (int d = 0; d < depths; ++d) result.scores.push_back(average(d));
    result.scores.push_back(average(-1));
  }
  return result;
}

}  // namespace foresight
