// bench_engine_models: fits every model of Forecasting engine I (baselines,
// the ETS family, Theta, Naive2) and of engine II (arima(2,0,2), auto_arima,
// calendar_regression, mstl, ensemble) once on the Adventure Works daily
// revenue (912 days), single thread, and reports each fit's CPU and wall
// time (median of --reps repetitions) and the totals against the targets:
// engine I under 0.3 s, engine II under 1 s.
// Usage: bench_engine_models [FOLDER] [--reps N]. Figures in docs/benchmarks.md.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "BenchClock.h"
#include "BenchSeries.h"
#include "ModelTimings.h"  // median
#include "engine/common/TimeSeries.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;
using namespace foresight::bench;

namespace {

struct Group {
  const char* name;
  double targetSeconds;
  std::vector<std::string> specs;
};

}  // namespace

int main(int argc, char** argv) {
  std::string folder = FORESIGHT_SOURCE_DIR "/../shared/data/adventureworks";
  int reps = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
    else if (a == "--help") {
      std::printf("Usage: bench_engine_models [FOLDER] [--reps N]\n");
      return 0;
    } else folder = a;
  }
  const std::vector<Group> groups = {
      {"Forecasting engine I", 0.3,
       {"naive", "snaive", "drift", "mean", "moving_average", "ses", "holt", "holt_damped", "holt_winters", "ets",
        "theta", "naive2"}},
      {"Forecasting engine II", 1.0,
       {"arima(p=2,d=0,q=2)", "auto_arima", "calendar_regression", "mstl", "ensemble"}},
  };
  try {
    const BenchSeries aw = adventureWorksDaily(folder);
    const Eigen::Map<const Eigen::VectorXd> x(aw.train.data(), static_cast<Eigen::Index>(aw.train.size()));
    const TimeSeries y{aw.id, aw.frequency, periodStart(aw.frequency, *Date::fromYmd(2015, 1, 1)), x};
    std::printf("bench_engine_models: Adventure Works daily revenue, %lld days, one thread, median of %d fits\n",
                static_cast<long long>(y.size()), reps);
    const double wall0 = wallSeconds(), cpu0 = processCpuSeconds();
    bool met = true;
    for (const Group& g : groups) {
      std::printf("\n%s\n| model | fit CPU | fit wall |\n|---|---:|---:|\n", g.name);
      double totalCpu = 0, totalWall = 0;
      for (const std::string& spec : g.specs) {
        std::vector<double> cpu, wall;
        for (int r = 0; r < reps; ++r) {
          auto model = ModelFactory::create(spec);
          const double c0 = threadCpuSeconds(), w0 = wallSeconds();
          model->fit(y);
          cpu.push_back(threadCpuSeconds() - c0);
          wall.push_back(wallSeconds() - w0);
        }
        totalCpu += median(cpu);
        totalWall += median(wall);
        std::printf("| `%s` | %.2f ms | %.2f ms |\n", spec.c_str(), median(cpu) * 1e3, median(wall) * 1e3);
      }
      const bool ok = totalCpu < g.targetSeconds;
      met = met && ok;
      std::printf("| total | %.1f ms | %.1f ms |\ntarget: under %.1f s of CPU: %s\n", totalCpu * 1e3, totalWall * 1e3,
                  g.targetSeconds, ok ? "met" : "MISSED");
    }
    std::printf("\nprocess: wall %.2f s, CPU %.2f s (incl. loading the data once), peak RSS %.1f MiB\n",
                wallSeconds() - wall0, processCpuSeconds() - cpu0, peakRssMiB());
    return met ? 0 : 3;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_engine_models: %s\n", e.what());
    return 2;
  }
}
