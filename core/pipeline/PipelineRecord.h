// Everything one pipeline run produced, gathered for its report: the
// configuration as run, the data, the evaluation, the registry outcome, the
// export and the stage timings.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/models/Forecaster.h"
#include "pipeline/CandidateEvaluation.h"
#include "pipeline/PipelineConfig.h"
#include "pipeline/PipelineInput.h"
#include "pipeline/ReconcileEvaluation.h"

namespace foresight::pipeline {

struct PipelineRecord {
  std::string runId, startedAt, finishedAt;
  const PipelineConfig* config = nullptr;
  const PipelineInput* input = nullptr;
  const CandidateEvaluation* evaluation = nullptr;
  const ReconcileEvaluation* reconciliation = nullptr;  // a hierarchy's; null for a flat panel
  std::vector<const Forecaster*> fitted;  // the challenger, fitted on all the data
  std::vector<Forecast> exported;         // forecasts in the Power BI CSV, per series
  std::vector<std::string> exportedSeries;

  // registry
  std::string registryUri;  // redacted
  int version = 0;
  std::string sha256;
  std::optional<int> championBefore;
  int championAfter = 0;
  std::string decisionText;
  std::string exportedModelVersion;  // the version whose forecasts were exported

  // files, relative to the run folder
  std::map<std::string, std::string> files;
  std::size_t exportForecastRows = 0, exportActualRows = 0;
  std::vector<std::pair<std::string, double>> timings;  // stage -> seconds, in order
};

}  // namespace foresight::pipeline
