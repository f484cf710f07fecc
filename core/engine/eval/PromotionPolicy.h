// Turns a champion/challenger comparison into a promotion decision with
// plain-word reasons. Read from JSON (docs/evaluation.md has the format):
//   {"metric": "mase", "min_relative_improvement": 0.02, "max_p_value": 0.05,
//    "max_coverage_loss": 0.05, "min_folds": 3, "alternative": "greater",
//    "loss": "squared"}
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/eval/ComparisonResult.h"
#include "engine/eval/DieboldMariano.h"
#include "engine/eval/MetricKey.h"
#include "engine/eval/PromotionDecision.h"

namespace foresight {

class PromotionPolicy {
 public:
  MetricKey metric{Metric::MASE, 0.0};   // a loss metric (lower is better)
  double minRelativeImprovement = 0.0;   // fraction: 0.02 = the challenger must be 2% better
  double maxPValue = 0.05;               // Diebold-Mariano p-value at most this
  double maxCoverageLoss = 0.05;         // coverage shortfall may grow by at most this (fraction)
  int minFolds = 3;                      // folds both models completed
  DmAlternative alternative = DmAlternative::Greater;  // or TwoSided
  DmLoss loss = DmLoss::Squared;         // loss of the Diebold-Mariano test

  // Missing keys keep their defaults. InputError naming `source` and the key
  // on an unknown key, a wrong type or a value out of range.
  static PromotionPolicy fromJson(const nlohmann::json& j, const std::string& source = "policy");
  // Reads a JSON file; InputError naming the file (and line of a syntax error).
  static PromotionPolicy fromFile(const std::string& path);
  nlohmann::json toJson() const;

  // Promote only when every rule passes; with no champion the challenger is
  // promoted as the first model (if it completed at least one fold).
  PromotionDecision decide(const ComparisonResult& comparison) const;
};

}  // namespace foresight
