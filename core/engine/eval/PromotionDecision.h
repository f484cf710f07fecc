// What a promotion policy decided, rule by rule, in plain words.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace foresight {

struct PolicyCheck {
  std::string rule;    // "folds", "metric", "diebold_mariano", "coverage80", "first_model"
  bool passed = false;
  std::string reason;  // one sentence with the numbers
};

struct PromotionDecision {
  bool promote = false;
  std::vector<PolicyCheck> checks;  // every rule, passed or not, in the order applied

  std::vector<std::string> reasons() const;
  // {"promote": bool, "reasons": [...], "checks": [{"rule","passed","reason"}]}
  nlohmann::json toJson() const;
};

}  // namespace foresight
