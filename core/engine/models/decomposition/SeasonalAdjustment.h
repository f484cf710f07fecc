// Multiplicative seasonal adjustment the way the M4 benchmarks and R's
// forecast::thetaf apply it around a non-seasonal method: test for a season,
// divide the data by the classical decomposition's indices, forecast, and
// multiply the forecasts by the indices that continue the cycle.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/models/decomposition/SeasonalityTest.h"

namespace foresight {

enum class SeasonalMode {
  Auto,            // adjust when the seasonality test says so
  Multiplicative,  // always adjust (when the data allow a decomposition)
  None,            // never adjust
};

std::string_view seasonalModeName(SeasonalMode mode);  // "auto", "multiplicative", "none"
std::optional<SeasonalMode> parseSeasonalMode(std::string_view text);

class SeasonalAdjustment {
 public:
  // No adjustment: every index is 1.
  SeasonalAdjustment() = default;

  // Decides for y (finite) at `period`. Falls back to no adjustment, with a
  // line appended to `warnings`, when the data hold fewer than two periods
  // or an index is not finite or within 1e-4 of zero (thetaf's rule); with
  // mode Auto a negative test is no warning, just the verdict.
  static SeasonalAdjustment choose(const Eigen::VectorXd& y, int period, SeasonalMode mode, SeasonalityRule rule,
                                   std::vector<std::string>& warnings);

  bool active() const { return figure_.size() > 0; }
  // The period of the indices; 1 when not active.
  int period() const { return active() ? static_cast<int>(figure_.size()) : 1; }
  // One index per position in the cycle, position 0 being the first
  // observation the adjustment was chosen on; empty when not active.
  const Eigen::VectorXd& figure() const { return figure_; }
  // Why the data were (not) adjusted, for people.
  const std::string& reason() const { return reason_; }

  // The index of observation t (t counted from the first observation, may
  // lie beyond the data); 1 when not active.
  double indexAt(Eigen::Index t) const { return active() ? figure_[t % figure_.size()] : 1.0; }
  Eigen::VectorXd indices(Eigen::Index first, Eigen::Index count) const;
  // values / indices(first, values.size()).
  Eigen::VectorXd adjust(const Eigen::VectorXd& values, Eigen::Index first) const;

  // {"period", "indices", "reason"}; fromJson refuses (InputError naming the
  // field) anything toJson could not have written.
  nlohmann::json toJson() const;
  static SeasonalAdjustment fromJson(const nlohmann::json& j);

 private:
  Eigen::VectorXd figure_;
  std::string reason_ = "not adjusted";
};

}  // namespace foresight
