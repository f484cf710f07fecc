// Names one accuracy metric ("mase", "coverage80", "winkler95") and knows
// which direction is better, so leaderboards and policies can rank by it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace foresight {

enum class Metric { MAE, RMSE, MAPE, SMAPE, MASE, RMSSE, R2, Bias, Coverage, Winkler, Pinball };

struct MetricKey {
  Metric metric = Metric::MASE;
  double level = 0.0;  // interval level in (0, 100) for Coverage, Winkler, Pinball

  // "mae", "rmse", "mape", "smape", "mase", "rmsse", "r2", "bias",
  // "coverage80", "winkler95", "pinball80" (any level). InputError naming
  // `field` and listing the valid names otherwise.
  static MetricKey parse(std::string_view text, const std::string& field = "metric");
  // Every point metric, then coverage/winkler/pinball for each level.
  static std::vector<MetricKey> all(const std::vector<double>& levels);

  bool isInterval() const;
  std::string name() const;   // the parseable name: "mase", "coverage80"
  std::string label() const;  // for people: "MASE", "coverage 80%"
  // A number where smaller is better: the value itself for errors, -R2,
  // |bias|, and |coverage - nominal| for coverage. NaN stays NaN.
  double badness(double value) const;
  // True for metrics where a relative improvement makes sense (positive
  // errors where lower is better): everything but R2, bias and coverage.
  bool isLoss() const;

  friend bool operator==(const MetricKey& a, const MetricKey& b) {
    return a.metric == b.metric && a.level == b.level;
  }
};

// "80", "99.5": a level as written in metric names and messages.
std::string formatLevel(double level);

}  // namespace foresight
