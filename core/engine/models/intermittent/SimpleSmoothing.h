// Simple exponential smoothing with the "simple" start (the level begins at
// the first value, as R's ses(initial = "simple") and statsforecast's
// intermittent models do), fixed or with alpha chosen by least squares on
// an interval. The building block of TSB, ADIDA and IMAPA.
#pragma once

#include <Eigen/Core>

namespace foresight::intermittent {

struct SmoothedSeries {
  double alpha = 0;
  double level = 0;         // after the last value: the one-step forecast
  Eigen::VectorXd fitted;   // one-step forecasts, NaN at index 0
  double sse = 0;           // sum of squared one-step errors (index >= 1)
};

// x not empty; alpha in [0, 1].
SmoothedSeries smoothSimple(const Eigen::VectorXd& x, double alpha);

// Alpha minimising the sum of squared one-step errors over [lower, upper],
// found by Brent's method as R's optimize() (default tolerance).
SmoothedSeries smoothSimpleOptimised(const Eigen::VectorXd& x, double lower, double upper);

// One more value: level += alpha (value - level).
inline double smoothStep(double level, double alpha, double value) { return level + alpha * (value - level); }

}  // namespace foresight::intermittent
