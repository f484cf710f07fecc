#include "engine/eval/BacktestConfig.h"

#include <algorithm>  // std::sort
#include <cmath>      // std::isfinite
#include <string>

#include "engine/common/Errors.h"

namespace foresight {

std::string_view windowKindName(WindowKind w) {
  return w == WindowKind::Expanding ? "expanding" : "sliding";
}

WindowKind parseWindowKind(std::string_view text, const std::string& field) {
  if (text == "expanding") return WindowKind::Expanding;
  if (text == "sliding") return WindowKind::Sliding;
  throw InputError(InputLocation{"", 0, field, std::string(text)},
                   "window must be 'expanding' or 'sliding'");
}

namespace {
void requireAtLeast(int value, int min, const char* name) {
  if (value < min)
    throw InputError(InputLocation{"", 0, name, std::to_string(value)},
                     std::string(name) + " must be at least " + std::to_string(min));
}
}  // namespace

void BacktestConfig::validate() const {
  requireAtLeast(folds, 1, "folds");
  requireAtLeast(horizon, 1, "horizon");
  requireAtLeast(step, 0, "step");
  requireAtLeast(gap, 0, "gap");
  requireAtLeast(windowSize, 0, "window_size");
  requireAtLeast(seasonalPeriod, 0, "seasonal_period");
  requireAtLeast(threads, 0, "threads");
  for (double l : levels)
    if (!std::isfinite(l) || l <= 0.0 || l >= 100.0)
      throw InputError(InputLocation{"", 0, "level", std::to_string(l)},
                       "interval levels must lie strictly between 0 and 100");
}

nlohmann::json BacktestConfig::toJson() const {
  auto sorted = levels;
  std::sort(sorted.begin(), sorted.end());
  return {{"folds", folds},
          {"horizon", horizon},
          {"step", effectiveStep()},
          {"gap", gap},
          {"window", windowKindName(window)},
          {"window_size", windowSize},
          {"levels", sorted},
          {"seasonal_period", seasonalPeriod}};
}

}  // namespace foresight
