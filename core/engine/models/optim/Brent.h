// One-dimensional minimisation on an interval by Brent's (1973) method
// (golden-section search with parabolic interpolation), step for step as R's
// optimize() (Brent_fmin in R's optimize.c), so that a smoothing parameter
// chosen here lands where an R script's optimize() lands.
#pragma once

#include <functional>

namespace foresight::optim {

struct BrentResult {
  double x = 0;      // the minimiser found
  double value = 0;  // f(x)
  int evaluations = 0;
};

class Brent {
 public:
  // R's optimize() default: .Machine$double.eps^0.25.
  static constexpr double kDefaultTolerance = 1.220703125e-4;

  // Minimises f over [lower, upper] (lower < upper). f is never evaluated at
  // the ends themselves, as in R.
  static BrentResult minimize(const std::function<double(double)>& f, double lower, double upper,
                              double tolerance = kDefaultTolerance);
};

}  // namespace foresight::optim
