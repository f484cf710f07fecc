#include "ui/hierarchy/NodeSums.h"

#include <algorithm>

namespace foresight::ui {

std::optional<Eigen::VectorXd> NodeSums::childrenSum(const HierarchicalPanel& h, int node) {
  if (node < 0 || node >= h.hierarchy.size()) return std::nullopt;
  const auto& children = h.hierarchy.summands(node);
  if (children.empty()) return std::nullopt;
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(h.panel.series[static_cast<std::size_t>(node)].values.size());
  for (int c : children) sum += h.panel.series[static_cast<std::size_t>(c)].values;
  return sum;
}

std::optional<double> NodeSums::relativeGap(const HierarchicalPanel& h, int node) {
  const auto sum = childrenSum(h, node);
  if (!sum) return std::nullopt;
  const Eigen::VectorXd& values = h.panel.series[static_cast<std::size_t>(node)].values;
  if (values.size() == 0) return 0.0;
  const double gap = (values - *sum).cwiseAbs().maxCoeff();
  const double scale = values.cwiseAbs().maxCoeff();
  if (scale == 0.0) return gap == 0.0 ? 0.0 : 1.0;
  return gap / scale;
}

}  // namespace foresight::ui
