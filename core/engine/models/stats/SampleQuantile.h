// The sample quantile of sorted values, type 7 (linear interpolation between
// order statistics; R's quantile() and numpy's default), shared by the models
// that take intervals from simulated paths or from their residuals.
#pragma once

#include <vector>

namespace foresight {

// `sorted` ascending and not empty; p in [0, 1].
double sampleQuantile(const std::vector<double>& sorted, double p);

}  // namespace foresight
