#include "engine/data/BadRowPolicy.h"

namespace foresight {

std::string_view badRowPolicyName(BadRowPolicy p) { return p == BadRowPolicy::Skip ? "skip" : "stop"; }

std::optional<BadRowPolicy> parseBadRowPolicy(std::string_view name) {
  for (BadRowPolicy p : {BadRowPolicy::Stop, BadRowPolicy::Skip})
    if (badRowPolicyName(p) == name) return p;
  return std::nullopt;
}

}  // namespace foresight
