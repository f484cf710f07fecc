#include "engine/data/SeriesRequest.h"

namespace foresight {

std::string_view aggregationName(Aggregation a) {
  switch (a) {
    case Aggregation::Sum: return "sum";
    case Aggregation::Mean: return "mean";
    case Aggregation::Count: return "count";
  }
  return "sum";
}

std::optional<Aggregation> parseAggregation(std::string_view name) {
  for (Aggregation a : {Aggregation::Sum, Aggregation::Mean, Aggregation::Count})
    if (aggregationName(a) == name) return a;
  return std::nullopt;
}

std::string_view gapPolicyName(GapPolicy g) {
  switch (g) {
    case GapPolicy::Zero: return "zero";
    case GapPolicy::Interpolate: return "interpolate";
    case GapPolicy::None: return "none";
  }
  return "zero";
}

std::optional<GapPolicy> parseGapPolicy(std::string_view name) {
  for (GapPolicy g : {GapPolicy::Zero, GapPolicy::Interpolate, GapPolicy::None})
    if (gapPolicyName(g) == name) return g;
  return std::nullopt;
}

}  // namespace foresight
