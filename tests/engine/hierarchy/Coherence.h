// How far reconciled values are from adding up, for the hierarchy tests.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "engine/hierarchy/Hierarchy.h"

namespace foresight::test {

// Worst |node - sum of the bottom series under it| / max(|node|, 1) over
// the aggregate nodes (rows of y, in node order) and steps (columns): every
// way a node of a grouped structure splits adds up when this is small.
inline double incoherence(const Hierarchy& h, const Eigen::MatrixXd& y) {
  double worst = 0;
  for (int i = 0; i < h.firstBottom(); ++i) {
    const std::vector<int> bottom = h.bottomUnder(i);
    for (Eigen::Index s = 0; s < y.cols(); ++s) {
      double sum = 0;
      for (const int b : bottom) sum += y(h.firstBottom() + b, s);
      worst = std::max(worst, std::abs(y(i, s) - sum) / std::max(std::abs(y(i, s)), 1.0));
    }
  }
  return worst;
}

}  // namespace foresight::test
