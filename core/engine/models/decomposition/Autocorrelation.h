// Sample autocorrelations as R's acf(): mean removed, every lag's sum divided
// by the same n, so r[0] = 1 and |r[k]| <= 1.
#pragma once

#include <Eigen/Core>

namespace foresight {

// r[0..maxLag] of y (maxLag is clipped to y.size() - 1). All NaN when y has
// no variance (R's acf gives NaN there too); empty when y is empty.
Eigen::VectorXd autocorrelation(const Eigen::VectorXd& y, int maxLag);

// R's acf() default lag.max for one series: floor(10 * log10(n)), at most n - 1.
int defaultAcfMaxLag(Eigen::Index n);

}  // namespace foresight
