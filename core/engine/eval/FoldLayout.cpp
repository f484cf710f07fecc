#include "engine/eval/FoldLayout.h"

#include "engine/common/Errors.h"

namespace foresight {

std::vector<Fold> FoldLayout::make(Eigen::Index n, const BacktestConfig& config,
                                   const std::string& seriesName) {
  config.validate();
  const Eigen::Index h = config.horizon, s = config.effectiveStep(), g = config.gap;
  const Eigen::Index firstOrigin = n - h - (config.folds - 1) * s;
  // Sliding windows all take the first fold's length unless told otherwise,
  // so that every fold trains on as much data as the earliest one can.
  const Eigen::Index window =
      config.window == WindowKind::Sliding && config.windowSize > 0 ? config.windowSize : 1;
  const Eigen::Index needed = n - firstOrigin + g + window;
  if (firstOrigin - g < window) {
    throw InputError(
        InputLocation{"", 0, "series", seriesName},
        "series has " + std::to_string(n) + " points; " + std::to_string(config.folds) +
            " folds of horizon " + std::to_string(h) + " with step " + std::to_string(s) +
            " and gap " + std::to_string(g) + " need at least " + std::to_string(needed) +
            " (" + std::to_string(window) + " training point" + (window == 1 ? "" : "s") +
            " before the first fold)");
  }
  const Eigen::Index slidingLength =
      config.windowSize > 0 ? config.windowSize : firstOrigin - g;

  std::vector<Fold> folds;
  folds.reserve(static_cast<std::size_t>(config.folds));
  for (int k = 0; k < config.folds; ++k) {
    Fold f;
    f.index = k;
    f.testBegin = firstOrigin + k * s;
    f.testEnd = f.testBegin + h;
    f.trainEnd = f.testBegin - g;
    f.trainBegin = config.window == WindowKind::Expanding ? 0 : f.trainEnd - slidingLength;
    folds.push_back(f);
  }
  return folds;
}

}  // namespace foresight
