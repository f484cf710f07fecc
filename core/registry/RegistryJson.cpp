#include "registry/RegistryJson.h"

namespace foresight::registry {

using nlohmann::json;

namespace {
json optionalInt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }
}  // namespace

json toJson(const Lineage& l) {
  return {{"tool_version", l.toolVersion}, {"user", l.user},         {"host", l.host},
          {"command_line", l.commandLine}, {"ci_run_id", l.ciRunId}, {"git_commit", l.gitCommit}};
}

json toJson(const VersionRecord& v) {
  return {{"model", v.model},
          {"version", v.version},
          {"sha256", v.sha256},
          {"size", v.size},
          {"model_type", v.modelType},
          {"spec", v.spec},
          {"series_count", v.seriesCount},
          {"frequency", v.frequency},
          {"data_sha256", v.dataSha256},
          {"train_start", v.trainStart},
          {"train_end", v.trainEnd},
          {"metrics", v.metrics},
          {"params", v.params},
          {"backtest", v.backtest},
          {"lineage", toJson(v.lineage)},
          {"created_at", v.createdAt},
          {"tags", v.tags},
          {"archived", v.archived},
          {"aliases", v.aliases}};
}

json toJson(const ModelRecord& m) {
  return {{"name", m.name},
          {"description", m.description},
          {"tags", m.tags},
          {"created_at", m.createdAt},
          {"created_by", m.createdBy},
          {"latest_version", m.latestVersion == 0 ? json(nullptr) : json(m.latestVersion)},
          {"version_count", m.versionCount},
          {"aliases", m.aliases}};
}

json toJson(const ModelDetails& d) {
  json j = toJson(d.model);
  j["versions"] = json::array();
  for (const auto& v : d.versions) j["versions"].push_back(toJson(v));
  return j;
}

json toJson(const HistoryEvent& e) {
  return {{"id", e.id},
          {"model", e.model},
          {"at", e.at},
          {"actor", e.actor},
          {"action", e.action},
          {"alias", e.alias.empty() ? json(nullptr) : json(e.alias)},
          {"from_version", optionalInt(e.fromVersion)},
          {"to_version", optionalInt(e.toVersion)},
          {"reason", e.reason},
          {"comparison", e.comparison},
          {"override", e.isOverride},
          {"failed_rules", toJson(e.failedRules)}};
}

json toJson(const std::vector<FailedRule>& rules) {
  json out = json::array();
  for (const FailedRule& f : rules) out.push_back({{"rule", f.rule}, {"reason", f.reason}});
  return out;
}

std::vector<FailedRule> failedRulesFromJson(const json& j) {
  std::vector<FailedRule> out;
  if (!j.is_array()) return out;
  for (const json& f : j)
    if (f.is_object() && f.contains("rule") && f["rule"].is_string())
      out.push_back({f["rule"].get<std::string>(), f.value("reason", std::string())});
  return out;
}

json toJson(const VerifyReport& r) {
  json entries = json::array();
  for (const auto& e : r.entries)
    entries.push_back({{"model", e.model},
                       {"version", e.version},
                       {"ok", e.ok()},
                       {"size", e.size},
                       {"stored_sha256", e.storedSha256},
                       {"computed_sha256", e.computedSha256}});
  return {{"ok", r.failures() == 0},
          {"checked", r.entries.size()},
          {"failures", r.failures()},
          {"artifacts", entries}};
}

}  // namespace foresight::registry
