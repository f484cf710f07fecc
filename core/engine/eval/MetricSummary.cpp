#include "engine/eval/MetricSummary.h"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::isfinite, std::sqrt
#include <string>

namespace foresight {

Spread Spread::of(const std::vector<double>& values) {
  Spread s;
  double sum = 0.0;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    sum += v;
    s.min = s.count == 0 ? v : std::min(s.min, v);
    s.max = s.count == 0 ? v : std::max(s.max, v);
    ++s.count;
  }
  if (s.count == 0) return s;
  s.mean = sum / s.count;
  if (s.count > 1) {
    double ss = 0.0;
    for (double v : values)
      if (std::isfinite(v)) ss += (v - s.mean) * (v - s.mean);
    s.std = std::sqrt(ss / (s.count - 1));
  }
  return s;
}

nlohmann::json Spread::toJson() const {
  return {{"mean", numberOrNull(mean)}, {"std", numberOrNull(std)}, {"min", numberOrNull(min)},
          {"max", numberOrNull(max)},   {"folds", count}};
}

MetricSummary MetricSummary::of(const std::vector<const MetricValues*>& folds,
                                const std::vector<double>& levels) {
  MetricSummary s;
  s.folds_ = static_cast<int>(folds.size());
  for (const auto& key : MetricKey::all(levels)) {
    std::vector<double> values;
    values.reserve(folds.size());
    for (const auto* f : folds) values.push_back(f->value(key));
    s.entries_.emplace_back(key, Spread::of(values));
  }
  // Count each distinct reason once, in the order first seen.
  std::vector<std::pair<std::string, int>> reasons;
  for (const auto* f : folds) {
    for (const auto& note : f->notes) {
      auto it = std::find_if(reasons.begin(), reasons.end(),
                             [&](const auto& r) { return r.first == note; });
      if (it == reasons.end()) reasons.emplace_back(note, 1);
      else ++it->second;
    }
  }
  for (const auto& [note, count] : reasons)
    s.notes_.push_back(note + " (in " + std::to_string(count) + " of " +
                       std::to_string(s.folds_) + " folds)");
  return s;
}

Spread MetricSummary::get(const MetricKey& key) const {
  for (const auto& [k, spread] : entries_)
    if (k == key) return spread;
  return {};
}

nlohmann::json MetricSummary::toJson() const {
  nlohmann::json metrics = nlohmann::json::object();
  for (const auto& [k, spread] : entries_) metrics[k.name()] = spread.toJson();
  return {{"folds", folds_}, {"metrics", metrics}, {"notes", notes_}};
}

}  // namespace foresight
