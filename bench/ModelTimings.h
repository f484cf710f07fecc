// What bench_models measured for one model: per series, the CPU and wall
// time of fit + forecast and the point forecasts (ours and R's), and the
// summaries it prints (times, speed ratios, M4 sMAPE/MASE, targets).
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "BenchSeries.h"
#include "RBaseline.h"

namespace foresight::bench {

struct SeriesRun {
  double cpuSeconds = std::numeric_limits<double>::quiet_NaN();
  double wallSeconds = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> mean;  // empty: failed
  std::string error;
};

struct ModelRuns {
  std::string model;                  // "ets"
  std::vector<std::string> specs;     // per series, the spec run
  std::vector<SeriesRun> ours;        // aligned with the series
  std::vector<RResult> r;             // aligned; empty when R did not run this model
};

// One line of the summary: a model on one set of series ("m4" or "aw").
struct SetSummary {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  int series = 0, failed = 0, rFailed = 0;
  double totalCpu = 0, totalWall = 0, medianCpu = kNaN, meanCpu = kNaN;
  double rTotal = kNaN, rMedian = kNaN, rMean = kNaN;
  double ratioMedian = kNaN, ratioGeoMean = kNaN;  // R seconds / ours, per series
  int scored = 0;                                   // series both fitted (accuracy is over these)
  double smape = kNaN, mase = kNaN, rSmape = kNaN, rMase = kNaN;
};

// NaN for no values.
double median(std::vector<double> values);

SetSummary summarise(const ModelRuns& runs, const std::vector<BenchSeries>& series, const std::string& set);

}  // namespace foresight::bench
