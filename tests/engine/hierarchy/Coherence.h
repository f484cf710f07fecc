// How far reconciled values are from adding up, for the hierarchy tests.
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "engine/hierarchy/Hierarchy.h"

namespace foresight::test {

// Worst |parent - sum of its children| / max(|parent|, 1) over the nodes
// (rows of y, in node order) and steps (columns).
inline double incoherence(const Hierarchy& h, const Eigen::MatrixXd& y) {
  double worst = 0;
  for (int i = 0; i < h.size(); ++i) {
    const auto& children = h.nodes()[static_cast<std::size_t>(i)].children;
    if (children.empty()) continue;
    for (Eigen::Index s = 0; s < y.cols(); ++s) {
      double sum = 0;
      for (const int c : children) sum += y(c, s);
      worst = std::max(worst, std::abs(y(i, s) - sum) / std::max(std::abs(y(i, s)), 1.0));
    }
  }
  return worst;
}

}  // namespace foresight::test
