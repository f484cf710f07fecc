// Model artifacts: the JSON files `foresight fit` writes and forecast,
// registry and serving read (ARCHITECTURE.md §3, docs/models.md).
//
//   {"schema":"foresight.model/1", "model", "spec", "spec_text", "params",
//    "state", "fit":{series, freq, start, end, n, data_sha256, metrics},
//    "created_at", "tool_version"}
// A panel artifact is {"schema":"foresight.model/1", "panel":[entry, ...]}.
// A hierarchical artifact is {"schema":"foresight.model/2", "panel":[one
// entry per node, in node order], "hierarchy":{...}} (HierarchicalModel.h):
// its forecasts are only meaningful reconciled, so it carries a schema that
// versions reading /1 refuse instead of serving its nodes as a plain panel.
// Text is canonical (sorted keys, 2-space indent, shortest round-trip
// numbers), so save -> load -> save gives identical bytes.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/TimeSeries.h"
#include "engine/models/Forecaster.h"

namespace foresight {

// Returns the timestamp written as created_at; tests inject a fixed one.
using ArtifactClock = std::function<std::string()>;
// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utcTimestamp();

// SHA-256 of the series' canonical text: one "YYYY-MM-DD,value\n" line per
// period, values in shortest round-trip form, missing values empty.
std::string dataFingerprint(const TimeSeries& series);

class ModelArtifact {
 public:
  static constexpr std::string_view kSchema = "foresight.model/1";
  static constexpr std::string_view kHierarchicalSchema = "foresight.model/2";

  // Models read back from an artifact, in file order.
  struct Loaded {
    std::vector<std::unique_ptr<Forecaster>> models;
    bool panel = false;  // written as {"panel": [...]}
    // The "hierarchy" section of a hierarchical artifact (checked by
    // HierarchicalModel, which reconciles the models' forecasts); null otherwise.
    nlohmann::json hierarchy;
  };

  // The artifact entry of one fitted model.
  static nlohmann::json entry(const Forecaster& model, const ArtifactClock& clock = utcTimestamp);
  // A single-model artifact when !panel (models.size() must be 1), else a panel.
  static nlohmann::json build(const std::vector<const Forecaster*>& models, bool panel,
                              const ArtifactClock& clock = utcTimestamp);
  // A hierarchical artifact: build(models, true) with the hierarchical
  // schema and `hierarchy` (HierarchicalModel::section) added.
  static nlohmann::json buildHierarchical(const std::vector<const Forecaster*>& models, nlohmann::json hierarchy,
                                          const ArtifactClock& clock = utcTimestamp);
  // Canonical text of an artifact (ends with a newline).
  static std::string toText(const nlohmann::json& artifact);
  // Writes the text through AtomicFileWriter, so readers never see half a
  // file. InputError naming the file when it cannot be written;
  // CancelledError (nothing written) when `cancel` was set.
  static void write(const std::filesystem::path& file, const nlohmann::json& artifact,
                    const CancellationToken* cancel = nullptr);

  // Restores the models. A newer schema, invalid JSON, a missing or mistyped
  // field, an unknown model or a fingerprint mismatch is an InputError naming
  // `source` (the file), the line for JSON syntax errors, and the JSON path.
  static Loaded parse(std::string_view text, const std::string& source);
  static Loaded read(const std::filesystem::path& file);
  // One entry (already parsed JSON); `path` prefixes JSON paths in errors.
  static std::unique_ptr<Forecaster> loadEntry(const nlohmann::json& entry, const std::string& source,
                                               const std::string& path = "");
};

}  // namespace foresight
