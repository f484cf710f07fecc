#include "engine/data/DemandPattern.h"

#include <cmath>
#include <limits>
#include <vector>

namespace foresight {

namespace {
constexpr std::pair<DemandClass, std::string_view> kNames[] = {
    {DemandClass::Smooth, "smooth"},       {DemandClass::Erratic, "erratic"},
    {DemandClass::Intermittent, "intermittent"}, {DemandClass::Lumpy, "lumpy"},
    {DemandClass::Inactive, "inactive"},   {DemandClass::NotDemand, "not_demand"}};
}  // namespace

std::string_view demandClassName(DemandClass c) {
  for (const auto& [value, name] : kNames)
    if (value == c) return name;
  return "unknown";
}

std::optional<DemandClass> parseDemandClass(std::string_view name) {
  for (const auto& [value, n] : kNames)
    if (n == name) return value;
  return std::nullopt;
}

long long DemandPattern::minInactiveRun(Frequency f) {
  switch (f) {
    case Frequency::Daily: return 28;
    case Frequency::Weekly: return 8;
    case Frequency::Monthly: return 3;
    default: return 2;
  }
}

DemandPattern DemandPattern::of(const TimeSeries& series) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  DemandPattern p;
  std::vector<double> sizes;
  long long lastDemand = -1;  // position among the finite values
  bool negative = false;
  for (Eigen::Index t = 0; t < series.values.size(); ++t) {
    const double v = series.values[t];
    if (!std::isfinite(v)) continue;
    if (v < 0) negative = true;
    if (v != 0) {
      sizes.push_back(v);
      lastDemand = p.periods;
    }
    ++p.periods;
  }
  p.demands = static_cast<long long>(sizes.size());
  p.trailingZeros = p.periods - (lastDemand + 1);
  p.zeroShare = p.periods > 0 ? static_cast<double>(p.periods - p.demands) / static_cast<double>(p.periods) : 0.0;
  p.adi = p.cv2 = kNaN;
  if (p.demands > 0) {
    p.adi = static_cast<double>(lastDemand + 1) / static_cast<double>(p.demands);
    double mean = 0;
    for (const double s : sizes) mean += s;
    mean /= static_cast<double>(sizes.size());
    double ss = 0;
    for (const double s : sizes) ss += (s - mean) * (s - mean);
    const double variance = sizes.size() > 1 ? ss / static_cast<double>(sizes.size() - 1) : 0.0;
    p.cv2 = mean != 0 ? variance / (mean * mean) : kNaN;
  }
  if (negative) {
    p.demandClass = DemandClass::NotDemand;
    return p;
  }
  if (p.demands == 0) {
    p.demandClass = DemandClass::Inactive;
    return p;
  }
  // The chance of this many zeros in a row at the series' own demand rate.
  const double chance = std::pow(1 - 1 / p.adi, static_cast<double>(p.trailingZeros));
  if (p.trailingZeros >= minInactiveRun(series.frequency) && chance < kInactiveChance) {
    p.demandClass = DemandClass::Inactive;
    return p;
  }
  const bool intermittentTiming = p.adi >= kAdiCut;
  const bool variableSize = p.cv2 >= kCv2Cut;
  p.demandClass = intermittentTiming ? (variableSize ? DemandClass::Lumpy : DemandClass::Intermittent)
                                     : (variableSize ? DemandClass::Erratic : DemandClass::Smooth);
  return p;
}

}  // namespace foresight
