// JSON forms of the registry's records, shared by `--json` output, export
// bundles and the REST service so that they all spell fields the same way.
#pragma once

#include <nlohmann/json.hpp>

#include "registry/RegistryTypes.h"

namespace foresight::registry {

nlohmann::json toJson(const Lineage& lineage);
nlohmann::json toJson(const VersionRecord& version);
nlohmann::json toJson(const ModelRecord& model);
nlohmann::json toJson(const ModelDetails& details);
nlohmann::json toJson(const HistoryEvent& event);
nlohmann::json toJson(const VerifyReport& report);
// [{"rule", "reason"}...]
nlohmann::json toJson(const std::vector<FailedRule>& rules);
// The inverse; entries that are not objects with a string "rule" are skipped
// (a hand-edited row must not make the history unreadable).
std::vector<FailedRule> failedRulesFromJson(const nlohmann::json& j);

}  // namespace foresight::registry
