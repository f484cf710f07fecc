// How many differences a series needs, decided as R's forecast package
// decides by default: ndiffs with repeated KPSS tests (alpha 0.05) for
// ordinary differences, nsdiffs with the seasonal-strength heuristic
// (strength > 0.64) for seasonal ones.
#pragma once

#include <Eigen/Core>

namespace foresight::stats {

// forecast::is.constant: every value equals the first within all.equal's
// tolerance (mean relative difference <= 1.5e-8).
bool isConstant(const Eigen::VectorXd& x);

// forecast::ndiffs(x, test = "kpss", type = "level", alpha, max.d).
int kpssDifferences(const Eigen::VectorXd& x, int maxD = 2, double alpha = 0.05);

// forecast's seas.heuristic for one period: max(0, min(1, 1 - var(R) /
// var(R + S))) from an STL decomposition with s.window = 11 (mstl's first
// window). NaN when STL cannot run (n <= 2 * period).
double seasonalStrength(const Eigen::VectorXd& x, int period);

// forecast::nsdiffs(x, test = "seas", max.D).
int seasonalDifferences(const Eigen::VectorXd& x, int period, int maxD = 1);

// diff(x, lag, differences).
Eigen::VectorXd difference(const Eigen::VectorXd& x, int lag = 1, int times = 1);

}  // namespace foresight::stats
