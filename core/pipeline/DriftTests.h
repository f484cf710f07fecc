// Two-sample tests a monitor runs on a recent window of a series against the
// window before it: a level shift (Welch's t-test on the means) and a
// volatility shift (Brown-Forsythe: a t-test on absolute deviations from
// each window's median, robust to heavy tails). Two-sided p-values.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>

namespace foresight::pipeline {

struct ShiftTest {
  std::string test;       // "level_shift" | "volatility_shift"
  double statistic = 0;   // t (level) or F = t^2 (volatility)
  double df = 0;
  double pValue = 1;
  double reference = 0;   // mean (level) or mean absolute deviation (volatility) before
  double recent = 0;      // the same over the recent window
  int nReference = 0, nRecent = 0;
  bool alert = false;     // pValue < alpha
  std::string reason;     // one sentence with the numbers

  nlohmann::json toJson() const;
};

class DriftTests {
 public:
  // NaN values are left out; fewer than 3 values on a side gives p = 1 and a reason saying so.
  static ShiftTest levelShift(const Eigen::VectorXd& reference, const Eigen::VectorXd& recent, double alpha);
  static ShiftTest volatilityShift(const Eigen::VectorXd& reference, const Eigen::VectorXd& recent, double alpha);
};

}  // namespace foresight::pipeline
