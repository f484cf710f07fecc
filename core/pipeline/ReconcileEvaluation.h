// The pipeline's reconciliation stage for a hierarchy: which method makes
// the nodes' forecasts coherent, chosen where no scored window can leak into
// the choice, and how every method then does on the scored folds.
//
// The scored folds are the backtest's (the last gap + horizon + (folds - 1)
// x step periods of the data). The validation folds are the same backtest
// run on the data that ends where those periods begin, so the last period
// a validation fold scores lies before the first scored fold's forecast.
// The method with the lowest mean MASE over all levels on the validation
// folds is chosen ("base", the unreconciled forecasts, is not coherent and
// not eligible); a method fixed in the config is taken as it is.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/common/Cancellation.h"
#include "engine/hierarchy/HierarchicalBacktest.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "engine/hierarchy/Reconciler.h"
#include "pipeline/PipelineConfig.h"

namespace foresight::pipeline {

struct ReconcileEvaluation {
  std::string model, bottomModel;       // the base models' specs
  ReconcileOptions chosen;              // method, middle level, non-negative
  bool nonNegativeFromData = false;     // non_negative was "auto" and the data has no negative value
  bool validated = false;               // chosen on validation folds (false: fixed in the config)
  int validationFolds = 0;
  std::string validationEnd;            // ISO date: the last period the validation folds may see
  HierarchicalBacktestResult validation;  // empty when the method is fixed
  HierarchicalBacktestResult scored;      // "base" and every method, on the backtest's folds

  // InputError when the data is too short for the validation folds before
  // the scored ones (says how many periods are needed).
  static ReconcileEvaluation run(const PipelineConfig& config, const HierarchicalPanel& h, const std::string& bestSpec,
                                 const ProgressSink& progress, const CancellationToken* cancel);

  // {"model", "bottom_model", "method", "middle_depth", "non_negative", "chosen_on",
  //  "validation": {"folds", "end", "scores"}, "scored": {"scores"}}
  nlohmann::json toJson() const;
};

}  // namespace foresight::pipeline
