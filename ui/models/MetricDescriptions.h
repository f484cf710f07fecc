// The one place that explains each accuracy metric to people: tooltips of
// leaderboard headers, metric pickers and the compare page's tables.
#pragma once

#include <QString>

#include "engine/eval/MetricKey.h"

namespace foresight::ui {

class MetricDescriptions {
 public:
  // A short column title: "MASE", "Coverage 80%".
  static QString title(const MetricKey& key);
  // Two or three sentences: what it measures, which direction is better,
  // when it is undefined.
  static QString describe(const MetricKey& key);
  // "lower is better", "closer to 80% is better", ...
  static QString direction(const MetricKey& key);
};

}  // namespace foresight::ui
