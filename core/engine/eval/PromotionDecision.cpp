#include "engine/eval/PromotionDecision.h"

namespace foresight {

std::vector<std::string> PromotionDecision::reasons() const {
  std::vector<std::string> r;
  for (const auto& c : checks) r.push_back(c.reason);
  return r;
}

nlohmann::json PromotionDecision::toJson() const {
  nlohmann::json checksJson = nlohmann::json::array();
  for (const auto& c : checks)
    checksJson.push_back({{"rule", c.rule}, {"passed", c.passed}, {"reason", c.reason}});
  return {{"promote", promote}, {"reasons", reasons()}, {"checks", checksJson}};
}

}  // namespace foresight
