// Input cleaning shared by fit() and update(): missing values at the ends are
// dropped, inner ones interpolated, infinities refused with the date.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/TimeSeries.h"

namespace foresight {

struct CleanedSeries {
  Eigen::Index first = 0;            // index in the input of values[0]
  Eigen::VectorXd values;            // finite, non-empty
  std::vector<std::string> warnings; // what was dropped or interpolated
};

// Drops leading/trailing NaN, interpolates inner NaN linearly. InputError
// naming the series and date on an infinite value; InputError when no
// finite value is left.
CleanedSeries cleanSeries(const TimeSeries& y);

// Cleans observations that continue a series whose last value is `lastSeen`:
// trailing NaN are dropped (not observed yet), other NaN interpolated from
// lastSeen. May return an empty vector. Appends warnings.
Eigen::VectorXd cleanContinuation(const TimeSeries& rest, double lastSeen, std::vector<std::string>& warnings);

// k such that advancePeriod(f, start, k) == d, or nullopt when d is not on
// the period grid that starts at `start`.
std::optional<Eigen::Index> periodIndex(Frequency f, Date start, Date d);

// Shortest decimal text that reads back as exactly v ("nan"/"inf" spelled out).
std::string formatValue(double v);

}  // namespace foresight
