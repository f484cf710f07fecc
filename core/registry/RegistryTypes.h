// Plain records the registry reads and writes: models, versions, history
// events, requests and reports. No behaviour; ModelRegistry fills them.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "registry/Lineage.h"

namespace foresight::registry {

using Tags = std::map<std::string, std::string>;

// The alias that production serves; it moves only by promote and rollback.
inline constexpr const char* kChampion = "champion";

// A promotion-policy rule that a promotion went against (an override).
struct FailedRule {
  std::string rule;    // "metric", "diebold_mariano", "folds", "coverage80", ...
  std::string reason;  // the policy's sentence with the numbers
  bool operator==(const FailedRule&) const = default;
};

struct VersionRecord {
  std::string model;
  int version = 0;
  std::string sha256;        // of the stored artifact bytes
  long long size = 0;        // artifact bytes
  std::string modelType;     // "ets", ... or "panel"
  std::string spec;
  int seriesCount = 1;
  std::string frequency;
  std::string dataSha256;    // fingerprint of the training data
  std::string trainStart, trainEnd;
  nlohmann::json metrics = nlohmann::json::object();
  nlohmann::json params = nlohmann::json::object();
  nlohmann::json backtest;   // null when none was given at push
  Lineage lineage;           // of the push
  std::string createdAt;     // when it was pushed (UTC, ISO 8601)
  Tags tags;
  bool archived = false;
  std::vector<std::string> aliases;  // aliases pointing at this version
};

struct ModelRecord {
  std::string name;
  std::string description;
  Tags tags;
  std::string createdAt, createdBy;
  int latestVersion = 0;  // highest version not archived; 0 when none
  int versionCount = 0;   // including archived ones
  std::map<std::string, int> aliases;
};

struct ModelDetails {
  ModelRecord model;
  std::vector<VersionRecord> versions;  // ascending
};

// One entry of the append-only history.
struct HistoryEvent {
  long long id = 0;
  std::string model;
  std::string at;      // UTC, ISO 8601
  std::string actor;   // user@host
  std::string action;  // push, alias-set, alias-remove, promote, rollback, archive, restore, delete, import
  std::string alias;   // for alias changes
  std::optional<int> fromVersion, toVersion;
  std::string reason;
  nlohmann::json comparison;  // champion vs challenger summary; null when none
  // A promotion against the policy's decision (KEEP), and the rules it failed.
  bool isOverride = false;
  std::vector<FailedRule> failedRules{};
};

struct PushRequest {
  std::string name;
  std::string artifact;        // the exact bytes of the model file
  std::string artifactLabel;   // its file name, for messages
  std::optional<std::string> description;  // sets the model's description
  Tags tags;                   // of the new version
  Tags modelTags;              // added to (or replacing keys of) the model's tags
  std::vector<std::string> aliases;  // any but "champion"
  nlohmann::json backtest;     // summary JSON; null for none
};

struct PushResult {
  std::string model;
  int version = 0;
  std::string sha256;
  bool createdModel = false;
  std::vector<std::string> aliases;
};

struct PulledArtifact {
  VersionRecord version;
  std::string bytes;  // verified against version.sha256
};

struct PromoteRequest {
  std::string name;
  int version = 0;
  std::optional<int> expected;  // the champion being replaced; nullopt = "none"
  std::string reason;
  nlohmann::json comparison;    // null for none
  // Promote although the policy said KEEP. Needs a non-empty reason. The
  // failed rules are recorded as given, else read from the comparison's
  // decision (PolicyVerdict).
  bool override = false;
  std::vector<FailedRule> failedRules{};
};

struct PromoteResult {
  std::optional<int> previous;
  int champion = 0;
};

struct RollbackResult {
  int from = 0;
  int to = 0;
};

// What withdraw() undid.
struct WithdrawResult {
  std::optional<int> championRestored;     // the champion went back to this version
  bool championRemoved = false;            // the version was the first champion
  std::vector<std::string> removedAliases; // other aliases that pointed at it
  bool archived = false;                   // false: it already was archived
};

struct VerifyEntry {
  std::string model;
  int version = 0;
  std::string storedSha256, computedSha256;
  long long size = 0;
  bool ok() const { return storedSha256 == computedSha256; }
};

struct VerifyReport {
  std::vector<VerifyEntry> entries;
  int failures() const {
    int n = 0;
    for (const auto& e : entries) n += e.ok() ? 0 : 1;
    return n;
  }
};

struct SearchQuery {
  std::string namePattern;  // glob over model names: * and ?; empty = any
  std::string tag;          // "KEY" or "KEY=VALUE" on the version or its model
  std::string alias;        // versions this alias points at
  bool includeArchived = false;
};

struct ImportResult {
  std::string model;
  int versions = 0;
  int aliases = 0;
  int events = 0;
};

}  // namespace foresight::registry
