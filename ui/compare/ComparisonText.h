// The Compare page's verdicts in words: the Diebold-Mariano test and the
// promotion policy's decision with its reasons.
#pragma once

#include <QString>

#include "engine/eval/ComparisonResult.h"
#include "engine/eval/PromotionDecision.h"

namespace foresight::ui {

class ComparisonText {
 public:
  // "The challenger is significantly more accurate ... (DM = -2.31, p = 0.012, 56 pairs, squared loss)."
  static QString dieboldMariano(const ComparisonResult& c, double alpha = 0.05);
  // "PROMOTE the challenger" / "KEEP the champion", then one line per rule.
  static QString decision(const PromotionDecision& d);
};

}  // namespace foresight::ui
