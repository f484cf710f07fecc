// The rules of the promotion policy, one check each, every reason a
// sentence with the numbers it was decided on.
#pragma once

#include "engine/eval/ComparisonResult.h"
#include "engine/eval/MetricKey.h"
#include "engine/eval/PromotionDecision.h"

namespace foresight {

class PromotionRules {
 public:
  // Folds where both models produced forecasts, at least minFolds.
  static PolicyCheck folds(const ComparisonResult& c, int minFolds);
  // The challenger's mean metric is lower than the champion's by at least
  // minImprovement (a fraction of the champion's), and lower at all.
  static PolicyCheck metric(const ComparisonResult& c, const MetricKey& metric, double minImprovement);
  // The Diebold-Mariano p-value is at most maxPValue (two-sided: and the
  // challenger's mean loss is lower); undefined tests fail.
  static PolicyCheck dieboldMariano(const ComparisonResult& c, double maxPValue);
  // The challenger's coverage shortfall below the nominal level exceeds the
  // champion's by at most maxLoss.
  static PolicyCheck coverage(const ComparisonResult& c, double level, double maxLoss);
  // With no champion: promote the challenger unless it failed every fold.
  static PolicyCheck firstModel(const ComparisonResult& c, const MetricKey& metric);
};

}  // namespace foresight
