// How the workbench writes metric values and their spread across folds, so
// the leaderboard, fold details and compare tables read the same.
#pragma once

#include <QString>

#include "engine/eval/MetricKey.h"
#include "engine/eval/MetricSummary.h"

namespace foresight::ui {

// "0.842", "1234.5", "78.6%" (coverage); "n/a" for NaN.
QString formatMetric(const MetricKey& key, double value);
// "0.842 ± 0.051" (mean ± standard deviation over folds); "n/a" when undefined.
QString formatSpread(const MetricKey& key, const Spread& spread);
// Tooltip: the metric's description, then mean, sd, min, max and folds, or
// why it is undefined (`notes` of the summary that name the metric).
QString spreadTooltip(const MetricKey& key, const Spread& spread, const std::vector<std::string>& notes);

}  // namespace foresight::ui
