// Where the folds of a rolling-origin backtest sit in a series of n points.
//
//   origins at n-h-(K-1)s, ..., n-h; fold k trains on [trainBegin, trainEnd),
//   skips g points (the gap) and scores [testBegin, testEnd) = h points.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "engine/eval/BacktestConfig.h"

namespace foresight {

struct Fold {
  int index = 0;                 // 0 = earliest origin
  Eigen::Index trainBegin = 0;   // first training point
  Eigen::Index trainEnd = 0;     // one past the last training point
  Eigen::Index testBegin = 0;    // first scored point (trainEnd + gap)
  Eigen::Index testEnd = 0;      // one past the last scored point

  Eigen::Index trainSize() const { return trainEnd - trainBegin; }
  // Steps the model must forecast: the gap, then the scored horizon.
  int forecastSteps() const { return static_cast<int>(testEnd - trainEnd); }
};

class FoldLayout {
 public:
  // The folds for a series of n points, earliest first. InputError naming
  // the series when it is too short for the folds asked (the message says
  // how many points are needed).
  static std::vector<Fold> make(Eigen::Index n, const BacktestConfig& config,
                                const std::string& seriesName);
};

}  // namespace foresight
