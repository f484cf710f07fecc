#include "registry/PolicyVerdict.h"

#include <algorithm>  // std::all_of
#include <cctype>     // std::isspace

#include "engine/common/Errors.h"

namespace foresight::registry {

namespace {

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

}  // namespace

PolicyVerdict PolicyVerdict::of(const nlohmann::json& summary) {
  PolicyVerdict v;
  if (!summary.is_object()) return v;
  const auto d = summary.find("decision");
  if (d == summary.end() || !d->is_object()) return v;
  const auto promote = d->find("promote");
  if (promote == d->end() || !promote->is_boolean()) return v;
  v.present = true;
  v.promote = promote->get<bool>();
  if (const auto checks = d->find("checks"); checks != d->end() && checks->is_array())
    for (const auto& c : *checks)
      if (c.is_object() && c.value("passed", true) == false)
        v.failed.push_back({c.value("rule", std::string("?")), c.value("reason", std::string())});
  return v;
}

std::vector<FailedRule> PolicyVerdict::checkPromotion(const std::string& model, const PromoteRequest& r) {
  const PolicyVerdict verdict = of(r.comparison);
  // Version 0: checked before the version exists (the workbench checks before it pushes).
  const std::string version = "model '" + model + "'" + (r.version > 0 ? " version " + std::to_string(r.version) : "");
  if (!r.override) {
    if (verdict.present && !verdict.promote)
      throw InputError("promoting " + version + " goes against the promotion policy, which said KEEP (failed: " +
                       ruleNames(verdict.failed) +
                       "); promote it as an explicit override with a reason (--override --reason TEXT)");
    return {};
  }
  if (blank(r.reason))
    throw InputError("an override of the promotion policy needs a reason (--reason TEXT) for the history; " + version +
                     " was not promoted");
  if (verdict.present && verdict.promote)
    throw InputError("nothing to override: the promotion policy said PROMOTE for " + version +
                     "; promote it without --override");
  return r.failedRules.empty() ? verdict.failed : r.failedRules;
}

std::string ruleNames(const std::vector<FailedRule>& rules) {
  std::string out;
  for (const FailedRule& f : rules) out += (out.empty() ? "" : ", ") + f.rule;
  return out.empty() ? std::string("none recorded") : out;
}

}  // namespace foresight::registry
