// What the registry reads out of a model artifact (foresight.model/1, single
// or panel; foresight.model/2, a hierarchy) to index it, after checking the
// document is one. The registry
// stores the artifact's exact bytes; this is only the index.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace foresight::registry {

struct ArtifactInfo {
  std::string modelType;    // "ets", "theta", ... "panel", or "hierarchy"
  std::string spec;         // spec text (single); empty for a panel
  int seriesCount = 1;
  std::string series;       // fitted series name (single); empty for a panel
  std::string frequency;    // fit.freq; a panel's common one or "mixed"
  std::string dataSha256;   // fit.data_sha256 (see fingerprint rule for panels)
  std::string trainStart;   // fit.start; a panel's earliest
  std::string trainEnd;     // fit.end; a panel's latest
  nlohmann::json metrics = nlohmann::json::object();  // panel: keyed by series
  nlohmann::json params = nlohmann::json::object();   // panel: keyed by series
  std::string createdAt;    // as written by the tool that fitted it
  std::string toolVersion;

  // Parses and checks `bytes`; InputError naming `sourceLabel` (the file),
  // the line for JSON syntax errors, and the field path for the rest.
  static ArtifactInfo parse(std::string_view bytes, const std::string& sourceLabel);
};

}  // namespace foresight::registry
