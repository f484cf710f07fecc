// Every metric aggregated over folds: mean, standard deviation, min, max,
// and how many folds defined it.
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/eval/MetricKey.h"
#include "engine/eval/MetricValues.h"

namespace foresight {

struct Spread {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double mean = kNaN;
  double std = kNaN;   // sample standard deviation (n - 1); NaN with fewer than 2 folds
  double min = kNaN;
  double max = kNaN;
  int count = 0;       // folds where the metric was defined

  static Spread of(const std::vector<double>& values);  // NaN values are left out
  nlohmann::json toJson() const;
};

class MetricSummary {
 public:
  MetricSummary() = default;
  // Summarises the metrics of `folds` for every key of MetricKey::all(levels).
  static MetricSummary of(const std::vector<const MetricValues*>& folds,
                          const std::vector<double>& levels);

  // The spread of `key`; an empty spread (count 0) when it was not summarised.
  Spread get(const MetricKey& key) const;
  int folds() const { return folds_; }
  // Why some metrics are undefined in some folds ("MAPE undefined in 2 of 5 folds: ...").
  const std::vector<std::string>& notes() const { return notes_; }
  // {"folds": n, "metrics": {"mase": {"mean","std","min","max","folds"}, ...}, "notes": [...]}
  nlohmann::json toJson() const;

 private:
  int folds_ = 0;
  std::vector<std::pair<MetricKey, Spread>> entries_;
  std::vector<std::string> notes_;
};

}  // namespace foresight
