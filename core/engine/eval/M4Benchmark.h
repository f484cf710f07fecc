// The M4 competition's evaluation (Makridakis et al., 2018): every model
// forecasts every series' test horizon from its training data; sMAPE and
// MASE (scaled by the in-sample seasonal naive error at the organisers'
// frequency: Y 1, Q 4, M 12, W 1, D 1) are averaged over series, and OWA is
// the mean of both ratios to Naive2. The specs actually run are reported.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/Frequency.h"
#include "engine/eval/M4BenchmarkResult.h"
#include "engine/eval/M4Dataset.h"

namespace foresight {

struct M4Options {
  std::size_t limit = 0;  // first N series only (0 = all)
  int threads = 0;        // 0 = hardware threads
};

class M4Benchmark {
 public:
  // The frequency and the organisers' seasonal period of an M4 id ("W12").
  // InputError for hourly ("H") and unknown letters.
  static Frequency frequencyOf(const std::string& id);
  static int seasonalPeriodOf(const std::string& id);
  // The spec as run on a series of period m, by the organisers' rules:
  // models that declare a "period" parameter get period=m, and theta runs as
  // the M4 benchmark Theta (method=classic), unless the spec sets them.
  static std::string runSpec(const std::string& spec, int period);

  // train and test must hold the same ids in the same order (InputError
  // naming the test line otherwise). Failing series are counted per model.
  static M4BenchmarkResult run(const std::vector<M4Series>& train, const std::vector<M4Series>& test,
                               const std::vector<std::string>& specs, const M4Options& options = {},
                               const ProgressSink& progress = {},
                               const CancellationToken* cancel = nullptr);
  // Reads both files (up to options.limit series) and runs.
  static M4BenchmarkResult run(const std::string& trainPath, const std::string& testPath,
                               const std::vector<std::string>& specs, const M4Options& options = {},
                               const ProgressSink& progress = {},
                               const CancellationToken* cancel = nullptr);
};

}  // namespace foresight
