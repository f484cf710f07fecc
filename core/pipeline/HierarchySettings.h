// A pipeline's hierarchy (docs/pipeline.md "Hierarchies"): which levels the
// series form, the model of the bottom series, and how the nodes' forecasts
// are reconciled: one method fixed, or the best of several chosen on
// validation folds that end before the scored backtest folds begin.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/hierarchy/ReconcileMethod.h"

namespace foresight::pipeline {

struct HierarchySettings {
  // "territory", "product", or dimensions top-down ("country,territory")
  // built from the source; "file": the series CSV's own level column.
  std::string levels;
  std::string bottomModel;  // the bottom series' model spec; empty: the best candidate
  // The methods compared on the validation folds (and reported on the scored ones).
  std::vector<ReconcileMethod> methods = {ReconcileMethod::BottomUp, ReconcileMethod::Ols, ReconcileMethod::WlsStruct,
                                          ReconcileMethod::WlsVar, ReconcileMethod::MintShrink};
  std::optional<ReconcileMethod> method;  // fixed; nullopt ("auto"): chosen on validation folds
  int middleDepth = 1;
  std::optional<bool> nonNegative;  // nullopt: true when no value of the data is negative
  int validationFolds = 0;          // 0: as many as the backtest's folds

  bool fromFile() const { return levels == "file"; }
  nlohmann::json toJson() const;
};

}  // namespace foresight::pipeline
