// Facts about a demand series that every intermittent-demand model needs:
// demand is never negative, the mean interval between demands (Croston's
// intervals: the first counted from the start of the series), and sums over
// non-overlapping buckets of k periods (temporal aggregation, ADIDA/IMAPA).
#pragma once

#include <Eigen/Core>
#include <string>

#include "engine/common/Date.h"
#include "engine/common/Frequency.h"

namespace foresight::intermittent {

// InputError naming the model, the series and the date of the first negative
// value (start/frequency date the values; `series` may be empty).
void requireNonNegative(const std::string& model, const std::string& series, const Eigen::VectorXd& y,
                        Frequency frequency, Date start);

// Mean of the intervals between non-zero periods, the first interval counted
// from the start of the series ((index of the last demand + 1) / demands);
// NaN when there is no demand. Trailing zeros do not count.
double meanDemandInterval(const Eigen::VectorXd& y);

// The aggregation level ADIDA and IMAPA use: the mean demand interval
// rounded half up (floor(m + 0.5)), at least 1 and at most y.size(); 1 when
// there is no demand.
int aggregationLevel(const Eigen::VectorXd& y);

// Sums of consecutive buckets of k periods, the last bucket ending at the
// last value; the oldest y.size() % k values, which fill no whole bucket, are
// left out. k >= 1.
Eigen::VectorXd bucketSums(const Eigen::VectorXd& y, int k);

}  // namespace foresight::intermittent
