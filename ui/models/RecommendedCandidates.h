// The candidate models the Models page starts with, by the data's
// frequency: baselines to beat (naive, seasonal naive) and the automatic
// models that usually win on such data. Every spec is a valid default spec.
#pragma once

#include <QStringList>

#include "engine/common/Frequency.h"

namespace foresight::ui {

class RecommendedCandidates {
 public:
  static QStringList forFrequency(Frequency f);
  // The model the picker's form shows first.
  static QString firstModel() { return QStringLiteral("ets"); }
};

}  // namespace foresight::ui
