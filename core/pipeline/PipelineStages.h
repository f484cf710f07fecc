// The stages of one pipeline run: each is timed into the run's record,
// logged when it starts and ends, checks for cancellation before it starts,
// and maps its own progress onto its share of the whole run's progress.
#pragma once

#include <chrono>
#include <string>

#include "engine/common/Cancellation.h"
#include "pipeline/PipelineRecord.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/RunLog.h"

namespace foresight::pipeline {

class PipelineStages {
 public:
  PipelineStages(PipelineRecord& record, const PipelineRunOptions& options, RunLog& log)
      : record_(record), options_(options), log_(log) {}
  // Ends the current stage and starts `name`, covering [from, to] of the
  // run's progress; returns the sink the stage's work reports to.
  // CancelledError when the run was cancelled.
  ProgressSink begin(const std::string& name, double from, double to);
  // Records the current stage's time (if any).
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  PipelineRecord& record_;
  const PipelineRunOptions& options_;
  RunLog& log_;
  std::string name_;
  Clock::time_point started_;
};

}  // namespace foresight::pipeline
