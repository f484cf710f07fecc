// The numbers behind "does this node add up?": the sum of a node's
// children's series, and how far a node is from that sum relative to the
// node's own scale. Plain engine types, no widgets, so tests and the chart
// compute them the same way.
#pragma once

#include <Eigen/Core>
#include <optional>

#include "engine/hierarchy/HierarchicalSeries.h"

namespace foresight::ui {

class NodeSums {
 public:
  // The element-wise sum of the children's values of `node` in `h` (whose
  // series all share their dates); nullopt for a bottom node.
  static std::optional<Eigen::VectorXd> childrenSum(const HierarchicalPanel& h, int node);
  // max_t |node_t - children_t| / max_t |node_t| (1 when the node is all
  // zero and its children are not, 0 when both are); nullopt for a bottom
  // node. Relative to the node's largest value rather than step by step, so
  // a step near zero does not inflate the gap.
  static std::optional<double> relativeGap(const HierarchicalPanel& h, int node);
};

}  // namespace foresight::ui
