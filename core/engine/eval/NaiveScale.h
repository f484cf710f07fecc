// The in-sample error of the seasonal naive forecast on a training window:
// the denominators of MASE (mean absolute) and RMSSE (mean squared).
#pragma once

#include <Eigen/Core>
#include <limits>

namespace foresight {

struct NaiveScale {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double meanAbs = kNaN;  // mean |y[t] - y[t-m]|
  double meanSq = kNaN;   // mean (y[t] - y[t-m])^2
  int period = 1;         // m; 1 = the plain naive forecast
  int terms = 0;          // differences averaged (pairs with a missing value are skipped)

  // NaN scales when the window has no complete pair m apart.
  static NaiveScale of(const Eigen::Ref<const Eigen::VectorXd>& training, int period);
};

}  // namespace foresight
