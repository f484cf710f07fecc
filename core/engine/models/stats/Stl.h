// Seasonal-trend decomposition by loess (Cleveland et al. 1990) as R's
// stats::stl computes it (the netlib Fortran, non-robust fit): used for the
// seasonal strength that decides seasonal differencing, and reusable by any
// model that needs an STL decomposition.
#pragma once

#include <Eigen/Core>

namespace foresight::stats {

struct StlOptions {
  int period = 0;        // >= 2
  int seasonalWindow = 11;  // s.window (odd, >= 3; even values are made odd)
  int seasonalDegree = 0;   // s.degree, 0 or 1
  int trendWindow = 0;      // t.window; 0 = R's default nextodd(ceiling(1.5 m / (1 - 1.5 / s.window)))
  int trendDegree = 1;      // t.degree
  int lowPassWindow = 0;    // l.window; 0 = nextodd(period)
  int lowPassDegree = 1;    // l.degree (R: t.degree)
  int innerIterations = 2;  // R's inner for robust = FALSE
};

struct StlDecomposition {
  Eigen::VectorXd seasonal, trend, remainder;
};

// Requires n > 2 * period (R: "series is not periodic or has less than two
// periods"); throws InputError otherwise.
StlDecomposition stl(const Eigen::VectorXd& y, const StlOptions& options);

}  // namespace foresight::stats
