// bench_backtest: the Adventure Works daily revenue leaderboard of
// docs/evaluation.md (7 models x 5 folds x 28 days, expanding windows, MASE
// at lag 7) run N times on a thread pool; prints the leaderboard, the median
// wall time, the CPU time per run and the peak RSS. Target: under 5 s on 2 cores.
// Then the cancellation latency: the same backtest cancelled at 10%, 30%,
// 50%, 70% and 90% of the median run, timed from cancel() to the run's
// CancelledError (the folds in flight finish, no new one starts; the tests
// check that order of events, this measures how long it takes).
// Usage: bench_backtest [FOLDER] [--reps N] [--threads N] [--models SPECS]
//        (default: ../shared/data/adventureworks, 3 repetitions, 2 threads)
// The figures and the exact command are in docs/benchmarks.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "BenchClock.h"
#include "engine/common/Cancellation.h"
#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"
#include "engine/eval/Leaderboard.h"
#include "engine/eval/RollingOriginBacktest.h"
#include "engine/models/ModelSpec.h"

namespace {

// The leaderboard's models: the baseline, the automatic single models and
// the ensemble of the two best on earlier folds (docs/evaluation.md).
const char* kModels = "snaive,ets,auto_arima,theta,calendar_regression,mstl,ensemble(members=ets+calendar_regression)";

}  // namespace

int main(int argc, char** argv) {
  using namespace foresight;
  std::string folder = FORESIGHT_SOURCE_DIR "/../shared/data/adventureworks";
  std::string models = kModels;
  int reps = 3, threads = 2;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
    else if (a == "--threads" && i + 1 < argc) threads = std::max(1, std::atoi(argv[++i]));
    else if (a == "--models" && i + 1 < argc) models = argv[++i];
    else if (a == "--help") {
      std::printf("Usage: bench_backtest [FOLDER] [--reps N] [--threads N] [--models SPECS]\n");
      return 0;
    } else folder = a;
  }
  try {
    const LoadedData data = DataSourceLoader::loadOne(folder, {});
    SeriesRequest request;
    request.measure = Measure::Revenue;
    const TimeSeries series = SeriesBuilder::build(data, request).series.front();
    std::vector<ModelCandidate> candidates;
    for (const auto& spec : ModelSpec::parseList(models)) candidates.push_back(ModelCandidate::fromSpec(spec.toString()));

    BacktestConfig config;
    config.folds = 5;
    config.horizon = 28;
    config.seasonalPeriod = 7;
    config.threads = threads;
    const RollingOriginBacktest backtest(config);

    std::vector<double> seconds;
    std::string board;
    const double cpuStart = bench::processCpuSeconds();
    for (int r = 0; r < reps; ++r) {
      const double start = bench::wallSeconds();
      const BacktestResult result = backtest.run(series, candidates);
      seconds.push_back(bench::wallSeconds() - start);
      board = Leaderboard::build(result, MetricKey::parse("mase")).toText();
    }
    const double cpuPerRun = (bench::processCpuSeconds() - cpuStart) / reps;
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds.size() % 2 ? seconds[seconds.size() / 2]
                                             : (seconds[seconds.size() / 2 - 1] + seconds[seconds.size() / 2]) / 2;
    std::printf("bench_backtest: %s, daily revenue (%lld days)\n", folder.c_str(),
                static_cast<long long>(series.size()));
    std::printf("%zu models x 5 folds x 28 days, %d threads\n%s", candidates.size(), threads, board.c_str());
    std::printf("  backtest, %d repetitions: median %.2f s wall (min %.2f, max %.2f)\n", reps, median,
                seconds.front(), seconds.back());
    std::printf("  CPU time per repetition %.2f s\n", cpuPerRun);
    std::printf("  peak RSS %.1f MiB\n", bench::peakRssMiB());

    std::vector<double> latencies;
    for (const double share : {0.1, 0.3, 0.5, 0.7, 0.9}) {
      CancellationToken token;
      double cancelledAt = 0;
      std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::duration<double>(share * median));
        cancelledAt = bench::wallSeconds();
        token.cancel();
      });
      bool cancelled = false;
      try {
        backtest.run(series, candidates, {}, &token);
      } catch (const CancelledError&) {
        cancelled = true;
      }
      const double stoppedAt = bench::wallSeconds();
      canceller.join();
      if (cancelled) latencies.push_back(stoppedAt - cancelledAt);
    }
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.empty())
      std::printf("  cancel -> stopped, %zu of 5 runs cancelled: median %.0f ms, max %.0f ms\n", latencies.size(),
                  1000 * latencies[latencies.size() / 2], 1000 * latencies.back());
    return median < 5.0 ? 0 : 3;  // the target: under 5 s
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_backtest: %s\n", e.what());
    return 2;
  }
}
