#include "pipeline/ReconcileEvaluation.h"

#include <cmath>  // std::isnan

#include "engine/common/Errors.h"
#include "engine/eval/FoldLayout.h"

namespace foresight::pipeline {

namespace {

// Every node's first `length` periods.
HierarchicalPanel head(const HierarchicalPanel& h, Eigen::Index length) {
  HierarchicalPanel out{h.hierarchy, {}};
  for (const TimeSeries& s : h.panel.series)
    out.panel.series.push_back(TimeSeries{s.name, s.frequency, s.start, s.values.head(length)});
  return out;
}

bool anyNegative(const HierarchicalPanel& h) {
  for (const TimeSeries& s : h.panel.series)
    for (Eigen::Index i = 0; i < s.size(); ++i)
      if (!std::isnan(s.values[i]) && s.values[i] < 0) return true;
  return false;
}

}  // namespace

ReconcileEvaluation ReconcileEvaluation::run(const PipelineConfig& config, const HierarchicalPanel& h,
                                             const std::string& bestSpec, const ProgressSink& progress,
                                             const CancellationToken* cancel) {
  const HierarchySettings& settings = *config.hierarchy;
  ReconcileEvaluation out;
  out.model = bestSpec;
  out.bottomModel = settings.bottomModel.empty() ? bestSpec : settings.bottomModel;
  out.nonNegativeFromData = !settings.nonNegative && !anyNegative(h);
  out.chosen.nonNegative = settings.nonNegative.value_or(out.nonNegativeFromData);
  out.chosen.middleDepth = settings.middleDepth;
  // A grouped file (levels "file"): the config could not tell (PipelineConfig
  // refuses these for a crossed levels spec already).
  if (h.hierarchy.isGrouped())
    for (const ReconcileMethod m : settings.methods)  // the fixed method is among them
      if (needsNesting(m))
        throw InputError(InputLocation{config.file, 0, settings.method == m ? "reconcile.method" : "reconcile.methods",
                                       std::string(reconcileMethodName(m))},
                         std::string(reconcileMethodName(m)) + " splits nodes level by level, which a grouped "
                         "structure does not define: use bottom_up, top_down_ahp, top_down_pha or the MinT family");
  if (settings.middleDepth >= static_cast<int>(h.hierarchy.levels().size()))
    for (const ReconcileMethod m : settings.methods)
      if (m == ReconcileMethod::MiddleOut)
        throw InputError(InputLocation{config.file, 0, "reconcile.middle_depth", std::to_string(settings.middleDepth)},
                         "middle_out keeps a level between the total and the bottom: 1 to " +
                             std::to_string(h.hierarchy.levels().size() - 1) + " for this hierarchy");

  HierarchicalBacktestConfig backtest;
  backtest.backtest = config.backtest;
  backtest.model = out.model;
  backtest.bottomModel = out.bottomModel;
  backtest.methods = settings.methods;
  backtest.middleDepth = out.chosen.middleDepth;
  backtest.nonNegative = out.chosen.nonNegative;
  const TimeSeries& total = h.panel.series.front();
  const std::vector<Fold> scoredFolds = FoldLayout::make(total.size(), config.backtest, total.name);

  const auto part = [&](double from, double to) -> ProgressSink {
    if (!progress) return {};
    return [&progress, from, to](double f, std::string_view step) { progress(from + (to - from) * f, step); };
  };
  if (settings.method) {
    out.chosen.method = *settings.method;
  } else {
    out.validated = true;
    HierarchicalBacktestConfig validation = backtest;
    out.validationFolds = validation.backtest.folds =
        settings.validationFolds > 0 ? settings.validationFolds : config.backtest.folds;
    const Eigen::Index length = scoredFolds.front().trainEnd;
    out.validationEnd = total.dateAt(length - 1).toIso();
    try {
      (void)FoldLayout::make(length, validation.backtest, total.name);
    } catch (const InputError& e) {
      throw InputError(InputLocation{config.file, 0, "reconcile.validation_folds", std::to_string(out.validationFolds)},
                       "the reconciliation method is chosen on validation folds in the data before the scored "
                       "backtest folds (to " + out.validationEnd + "), and that data is too short for them (" +
                           e.problem() + "); use fewer validation folds, or fix the method with \"method\"");
    }
    out.validation = HierarchicalBacktest::run(head(h, length), validation, part(0.0, 0.5), cancel);
    out.chosen.method = *parseReconcileMethod(out.validation.bestReconciled());
  }
  out.scored = HierarchicalBacktest::run(h, backtest, part(settings.method ? 0.0 : 0.5, 1.0), cancel);
  return out;
}

nlohmann::json ReconcileEvaluation::toJson() const {
  nlohmann::json j = {{"model", model},
                      {"bottom_model", bottomModel},
                      {"method", std::string(reconcileMethodName(chosen.method))},
                      {"middle_depth", chosen.middleDepth},
                      {"non_negative", chosen.nonNegative},
                      {"non_negative_from_data", nonNegativeFromData},
                      {"chosen_on", validated ? "validation folds" : "configuration"},
                      {"scored", {{"scores", scored.scoresJson()}, {"best_overall", scored.bestReconciled()}}}};
  if (validated)
    j["validation"] = {{"folds", validationFolds},
                       {"end", validationEnd},
                       {"scores", validation.scoresJson()},
                       {"best_overall", validation.bestReconciled()}};
  return j;
}

}  // namespace foresight::pipeline
