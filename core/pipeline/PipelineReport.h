// A pipeline run's report: report.json (every number: data summary,
// validation findings, leaderboard with per-fold metrics, comparison and
// Diebold-Mariano test, decision with reasons, registry version, timings)
// and report.md (tables, plus SVG charts written beside it).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>

#include "pipeline/PipelineRecord.h"

namespace foresight::pipeline {

class PipelineReport {
 public:
  static constexpr const char* kSchema = "foresight.pipeline-report/1";
  static nlohmann::json toJson(const PipelineRecord& record);
  // Writes report.json, report.md, leaderboard.svg and forecast-N.svg into
  // `dir`; InputError naming a file that cannot be written.
  static void write(const PipelineRecord& record, const nlohmann::json& report, const std::filesystem::path& dir);
  // The Markdown text (charts referenced by file name).
  static std::string markdown(const PipelineRecord& record);
};

}  // namespace foresight::pipeline
