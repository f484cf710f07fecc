// Runs R's forecast package on the benchmark's series in a subprocess
// (bench/r/bench_models.R) and reads back R's per-series CPU time and
// forecasts. When Rscript or the forecast package is missing, says so.
#pragma once

#include <limits>
#include <map>
#include <string>
#include <vector>

#include "BenchSeries.h"

namespace foresight::bench {

struct RResult {
  double seconds = std::numeric_limits<double>::quiet_NaN();  // CPU per fit + forecast
  int reps = 0;
  std::vector<double> mean;  // empty: R failed on the series
};

struct RRun {
  bool ran = false;
  std::string note;  // why R was skipped or failed
  std::string rVersion, forecastVersion;
  std::map<std::string, std::map<std::string, RResult>> results;  // model -> series id -> result
  double wallSeconds = 0, cpuSeconds = 0, peakRssMiB = 0;         // of the R process
};

// The benchmark's model names R has a counterpart for: ets, theta (thetaf),
// auto_arima.
bool hasRCounterpart(const std::string& model);

// Writes the series to workDir, runs `rscript script INPUT OUTPUT models`
// and parses its output. Models without an R counterpart are left out.
RRun runR(const std::string& rscript, const std::string& script, const std::vector<BenchSeries>& series,
          const std::vector<std::string>& models, const std::string& workDir);
// R's output file of an earlier run (workDir/r_forecasts.csv), to score
// again without rerunning R; the process figures are then unknown (0).
RRun readRResults(const std::string& path);

}  // namespace foresight::bench
