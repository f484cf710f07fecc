// The tooltip the leaderboard, fold details and compare tables show for a
// metric value (the values themselves are written by NumberFormat).
#pragma once

#include <QString>
#include <string>
#include <vector>

#include "engine/eval/MetricKey.h"
#include "engine/eval/MetricSummary.h"

namespace foresight::ui {

// Tooltip: the metric's description, then mean, sd, min, max and folds, or
// why it is undefined (`notes` of the summary that name the metric).
QString spreadTooltip(const MetricKey& key, const Spread& spread, const std::vector<std::string>& notes);

}  // namespace foresight::ui
