// Actuals, forecasts and intervals to score together: one fold, one
// horizon step across folds, or a whole benchmark.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace foresight {

struct ScoredPoints {
  Eigen::VectorXd actual;     // NaN = missing actual, left out of every metric
  Eigen::VectorXd forecast;   // point forecasts (means)
  Eigen::VectorXd scaleAbs;   // per point: MASE denominator of its fold's training data
  Eigen::VectorXd scaleSq;    // per point: RMSSE denominator of its fold's training data
  std::vector<double> levels; // interval levels, ascending
  Eigen::MatrixXd lower;      // points x levels
  Eigen::MatrixXd upper;      // points x levels

  Eigen::Index size() const { return actual.size(); }
  // Empty set with room for n points and these levels.
  static ScoredPoints withSize(Eigen::Index n, const std::vector<double>& levels);
};

}  // namespace foresight
