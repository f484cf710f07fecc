// The promotion policy's verdict carried by a comparison summary (what
// `foresight compare --json`, the pipeline and the workbench record:
// {"decision": {"promote": bool, "checks": [{"rule", "passed", "reason"}]}}),
// and the rule that promoting against a KEEP is an override with a reason.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "registry/RegistryTypes.h"

namespace foresight::registry {

struct PolicyVerdict {
  bool present = false;  // the summary holds a decision
  bool promote = true;   // the decision (true when absent)
  std::vector<FailedRule> failed;

  // Reads summary["decision"]; a summary without one (or null) is "no verdict".
  static PolicyVerdict of(const nlohmann::json& summary);

  // Checks a promotion of `model` against the verdict of its comparison:
  // a KEEP needs `override`, an override needs a reason and a KEEP to go
  // against. InputError saying what to do otherwise. Returns the rules to
  // record: `given` when not empty, else the verdict's failed rules.
  // `request.version` 0 checks a promotion before its version exists.
  static std::vector<FailedRule> checkPromotion(const std::string& model, const PromoteRequest& request);
};

// "metric, diebold_mariano"
std::string ruleNames(const std::vector<FailedRule>& rules);

}  // namespace foresight::registry
