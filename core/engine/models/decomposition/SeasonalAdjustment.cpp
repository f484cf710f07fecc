#include "engine/models/decomposition/SeasonalAdjustment.h"

#include <cmath>  // std::isfinite, std::fabs

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/decomposition/ClassicalDecomposition.h"

namespace foresight {

namespace {
constexpr double kMinAbsIndex = 1e-4;  // thetaf's "seasonal indexes close to zero"
}  // namespace

std::string_view seasonalModeName(SeasonalMode mode) {
  switch (mode) {
    case SeasonalMode::Auto: return "auto";
    case SeasonalMode::Multiplicative: return "multiplicative";
    case SeasonalMode::None: return "none";
  }
  return "auto";
}

std::optional<SeasonalMode> parseSeasonalMode(std::string_view text) {
  for (SeasonalMode m : {SeasonalMode::Auto, SeasonalMode::Multiplicative, SeasonalMode::None})
    if (text == seasonalModeName(m)) return m;
  return std::nullopt;
}

SeasonalAdjustment SeasonalAdjustment::choose(const Eigen::VectorXd& y, int period, SeasonalMode mode,
                                              SeasonalityRule rule, std::vector<std::string>& warnings) {
  SeasonalAdjustment none;
  if (mode == SeasonalMode::None) {
    none.reason_ = "not adjusted: seasonal adjustment switched off";
    return none;
  }
  if (period <= 1) {
    none.reason_ = "not adjusted: period " + std::to_string(period);
    return none;
  }
  if (mode == SeasonalMode::Auto) {
    const SeasonalityVerdict v = SeasonalityTest::run(y, period, rule);
    if (!v.seasonal) {
      none.reason_ = "not adjusted: " + v.reason;
      return none;
    }
    none.reason_ = v.reason;  // kept below when the decomposition works
  } else {
    none.reason_ = "multiplicative adjustment requested";
  }
  if (y.size() < 2 * static_cast<Eigen::Index>(period)) {
    warnings.push_back("seasonal adjustment skipped: " + std::to_string(y.size()) +
                       " observations are fewer than two periods of " + std::to_string(period));
    none.reason_ = "not adjusted: fewer than two periods";
    return none;
  }
  const ClassicalDecomposition d(y, period, DecompositionType::Multiplicative);
  if (!d.isUsable(kMinAbsIndex)) {
    warnings.push_back("seasonal adjustment skipped: a multiplicative seasonal index is zero or undefined "
                       "(zeros or a zero trend in the data); forecasting without a season");
    none.reason_ = "not adjusted: seasonal indices close to zero or undefined";
    return none;
  }
  SeasonalAdjustment s;
  s.figure_ = d.figure();
  s.reason_ = "adjusted at period " + std::to_string(period) + ": " + none.reason_;
  return s;
}

Eigen::VectorXd SeasonalAdjustment::indices(Eigen::Index first, Eigen::Index count) const {
  Eigen::VectorXd s(count);
  for (Eigen::Index i = 0; i < count; ++i) s[i] = indexAt(first + i);
  return s;
}

Eigen::VectorXd SeasonalAdjustment::adjust(const Eigen::VectorXd& values, Eigen::Index first) const {
  if (!active()) return values;
  return values.cwiseQuotient(indices(first, values.size()));
}

nlohmann::json SeasonalAdjustment::toJson() const {
  return {{"period", period()}, {"indices", json_fields::toJson(figure_)}, {"reason", reason_}};
}

SeasonalAdjustment SeasonalAdjustment::fromJson(const nlohmann::json& j) {
  SeasonalAdjustment s;
  const int period = json_fields::integer(j, "period", 1, 1 << 20);
  s.figure_ = json_fields::finiteVector(j, "indices");
  s.reason_ = json_fields::string(j, "reason");
  const auto expected = static_cast<Eigen::Index>(period == 1 ? 0 : period);
  if (s.figure_.size() != expected)
    throw InputError(InputLocation{"", 0, "indices", ""}, "holds " + std::to_string(s.figure_.size()) +
                                                              " values for period " + std::to_string(period));
  for (Eigen::Index i = 0; i < s.figure_.size(); ++i)
    if (std::fabs(s.figure_[i]) < kMinAbsIndex)
      throw InputError(InputLocation{"", 0, "indices[" + std::to_string(i) + "]", ""},
                       "a seasonal index must not be zero");
  return s;
}

}  // namespace foresight
