// Flags values far from their neighbourhood: a Hampel filter (rolling median
// and median absolute deviation), robust to the outliers themselves and, by
// being local, to level shifts like Adventure Works' mid-2016 jump.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace foresight {

struct Outlier {
  Eigen::Index index;
  double value;
  double localMedian;
  double score;  // |value - median| / (1.4826 * MAD)
};

class RobustOutliers {
 public:
  // NaN values are skipped and never flagged. A window with fewer than 5
  // values, or with MAD = 0 (a run of equal values), flags nothing.
  static std::vector<Outlier> find(const Eigen::VectorXd& values, Eigen::Index halfWindow, double threshold);
};

}  // namespace foresight
