// `foresight pipeline run`: load -> validate -> build series -> backtest
// candidates -> pick best -> compare with the champion on the same folds ->
// register -> promote (compare-and-set) or record the kept champion ->
// export the Power BI CSV -> report (ARCHITECTURE.md §6, docs/pipeline.md).
// The CLI and the GUI both run pipelines through this class.
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/common/Cancellation.h"
#include "pipeline/PipelineConfig.h"

namespace foresight::pipeline {

class RunLog;

struct PipelineRunOptions {
  ProgressSink progress;                       // fraction of the whole run, and the stage
  std::function<void(const std::string&)> log;  // one line per stage event (also written to run.log)
  const CancellationToken* cancel = nullptr;   // checked between and inside stages
  std::string runId;                           // empty: makeRunId()
  // false: register and record the policy's approval, but leave moving the
  // champion to a separate release step (`registry promote --expect`).
  bool promote = true;
};

struct PipelineRunResult {
  std::string runId;
  std::filesystem::path runDir, reportJson, reportMd, powerBiCsv, modelFile, logFile;
  int version = 0;                    // registered version of the challenger
  bool approved = false;              // the policy said promote
  bool promoted = false;              // and the champion was moved to `version`
  std::optional<int> championBefore;  // the champion the challenger was compared with
  int championAfter = 0;
  std::string decision;               // the line recorded in the registry history
  nlohmann::json report;              // what report.json holds
};

class PipelineRunner {
 public:
  explicit PipelineRunner(PipelineConfig config, PipelineRunOptions options = {});
  // Runs every stage. InputError for bad data or config (naming it),
  // RegistryConflictError when someone else moved the champion meanwhile,
  // CancelledError when cancelled (nothing is registered after that point).
  // run.log's last line says how a run that did not finish ended.
  PipelineRunResult run();

 private:
  void runStages(PipelineRunResult& result, RunLog& log);
  PipelineConfig config_;
  PipelineRunOptions options_;
};

}  // namespace foresight::pipeline
