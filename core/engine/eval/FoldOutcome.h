// What one model did on one fold of one series: the forecast and its
// scores, or the error that stopped it (a failed fold is kept, not fatal).
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/common/Date.h"
#include "engine/eval/FoldLayout.h"
#include "engine/eval/MetricValues.h"
#include "engine/eval/NaiveScale.h"
#include "engine/eval/ScoredPoints.h"

namespace foresight {

struct FoldOutcome {
  std::string series;
  Fold fold;
  Date trainStart, trainEnd;   // first and last training date
  Date testStart, testEnd;     // first and last scored date
  bool ok = false;
  std::string error;           // why the model failed on this fold (ok == false)
  Eigen::VectorXd actual;      // h scored actuals (NaN = missing)
  Eigen::VectorXd forecast;    // h point forecasts
  Eigen::MatrixXd lower, upper;  // h x levels
  NaiveScale scale;            // in-sample seasonal naive error of the training window
  MetricValues metrics;

  // Errors actual - forecast (NaN where the actual is missing).
  Eigen::VectorXd errors() const { return actual - forecast; }
  // The fold's points with its scale on every point, ready for Metrics.
  ScoredPoints points(const std::vector<double>& levels) const;
  nlohmann::json toJson(const std::vector<double>& levels) const;
};

}  // namespace foresight
