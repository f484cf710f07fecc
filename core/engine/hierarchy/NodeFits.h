// Base forecasts and in-sample one-step errors of every node of a
// hierarchy, fitted on one training window: what reconciliation needs, for
// a backtest fold or for the forecast itself. Nodes are fitted as tasks on
// the thread pool (the result does not depend on the thread count).
#pragma once

#include <Eigen/Core>
#include <functional>
#include <string>

#include "engine/common/Cancellation.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "engine/models/ModelSpec.h"

namespace foresight {

struct NodeFits {
  Eigen::MatrixXd forecast;   // nodes x steps
  Eigen::MatrixXd residuals;  // nodes x window length; NaN where a model has no error
  // nodes x steps: each model's 95% interval half-width / 1.96 (the
  // standard deviation of a Gaussian forecast; an approximation for models
  // whose intervals are not Gaussian, such as the empirical ones of croston).
  Eigen::MatrixXd sd;

  // Fits `model` to every node's values [begin, begin + length) (the bottom
  // series `bottomModel`) and forecasts `steps`. InputError naming `where`
  // and the node when a model cannot be fitted; onDone(count) after each.
  static NodeFits fit(const HierarchicalPanel& h, const ModelSpec& model, const ModelSpec& bottomModel,
                      Eigen::Index begin, Eigen::Index length, int steps, int threads, const std::string& where,
                      const CancellationToken* cancel = nullptr,
                      const std::function<void(std::size_t)>& onDone = {});
};

}  // namespace foresight
