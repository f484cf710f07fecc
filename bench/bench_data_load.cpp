// bench_data_load: loads an Adventure Works sales export and builds the daily
// revenue series, N times; prints the median wall time and the peak RSS.
// Usage: bench_data_load [FOLDER] [--reps N]   (default: ../shared/data/adventureworks)
// The figures and the exact command are in docs/benchmarks.md.
#include <sys/resource.h>  // getrusage

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "engine/data/DataSourceLoader.h"
#include "engine/data/SeriesBuilder.h"

namespace {

double peakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

// User + system CPU seconds so far: unlike wall time, not inflated when
// other processes share the machine.
double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder = FORESIGHT_SOURCE_DIR "/../shared/data/adventureworks";
  int reps = 20;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
    else if (a == "--help") {
      std::printf("Usage: bench_data_load [FOLDER] [--reps N]\n");
      return 0;
    } else folder = a;
  }
  try {
    std::vector<double> seconds;
    std::size_t rows = 0;
    double total = 0;
    const double cpuStart = cpuSeconds();
    for (int r = 0; r < reps; ++r) {
      const auto start = std::chrono::steady_clock::now();
      const foresight::LoadedData data = foresight::DataSourceLoader::loadOne(folder, {});
      foresight::SeriesRequest request;
      request.measure = foresight::Measure::Revenue;
      const foresight::Panel panel = foresight::SeriesBuilder::build(data, request);
      seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      rows = data.facts.rowCount();
      total = panel.series.front().values.sum();
    }
    const double cpuPerRep = (cpuSeconds() - cpuStart) / reps;
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds.size() % 2 ? seconds[seconds.size() / 2]
                                             : (seconds[seconds.size() / 2 - 1] + seconds[seconds.size() / 2]) / 2;
    std::printf("bench_data_load: %s\n", folder.c_str());
    std::printf("  %zu order lines, daily revenue total %.4f\n", rows, total);
    std::printf("  load + daily revenue series, %d repetitions: median %.1f ms (min %.1f, max %.1f)\n", reps,
                median * 1e3, seconds.front() * 1e3, seconds.back() * 1e3);
    std::printf("  CPU time per repetition %.1f ms\n", cpuPerRep * 1e3);
    std::printf("  peak RSS %.1f MiB\n", peakRssMiB());
    return median < 0.5 ? 0 : 3;  // the target: under half a second
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_data_load: %s\n", e.what());
    return 2;
  }
}
