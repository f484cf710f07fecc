// bench_pipeline: the whole pipeline (PipelineRunner, as `foresight pipeline
// run` runs it) on Adventure Works daily revenue (7 candidates, 5 folds) and
// by territory (10 series), each against a fresh SQLite registry; prints wall
// time, CPU time, peak RSS, the stage timings and, with --per-model, each
// candidate's backtest alone (where the time goes).
// Usage: bench_pipeline [--threads N] [--per-model]
// The figures and the exact command are in docs/benchmarks.md.
#include <QCoreApplication>
#include <cstdio>
#include <filesystem>
#include <string>

#include "BenchClock.h"
#include "engine/eval/RollingOriginBacktest.h"
#include "pipeline/PipelineInput.h"
#include "pipeline/PipelineRunner.h"

using namespace foresight;

namespace {

struct Case {
  const char* config;
  double targetSeconds;
};

bool runCase(const Case& c, int threads, bool perModel, const std::filesystem::path& work) {
  auto config = pipeline::PipelineConfig::fromFile(FORESIGHT_SOURCE_DIR "/resources/pipelines/" + std::string(c.config));
  config.backtest.threads = threads;
  config.registry = "sqlite://" + (work / (config.name + ".db")).string();
  config.out = (work / config.name).string();
  std::filesystem::remove(work / (config.name + ".db"));
  const double wall0 = bench::wallSeconds(), cpu0 = bench::processCpuSeconds();
  const auto result = pipeline::PipelineRunner(config, {}).run();
  const double wall = bench::wallSeconds() - wall0, cpu = bench::processCpuSeconds() - cpu0;
  std::printf("%s: %zu series, %zu candidates, %d folds x h %d, %d threads\n", c.config,
              result.report["data"]["series"].size(), config.candidates.size(), config.backtest.folds,
              config.backtest.horizon, threads);
  std::printf("  wall %.2f s (target < %.0f s), CPU %.2f s, peak RSS %.1f MiB; best %s\n", wall, c.targetSeconds, cpu,
              bench::peakRssMiB(), result.report["best"]["label"].get<std::string>().c_str());
  std::printf("  stages:");
  for (const auto& [stage, seconds] : result.report["timings"].items()) std::printf(" %s %.2f", stage.c_str(), seconds.get<double>());
  std::printf("\n");
  if (perModel) {
    const auto input = pipeline::PipelineInput::load(config, {}, nullptr);
    for (const auto& spec : config.candidates) {
      const double w = bench::wallSeconds(), u = bench::processCpuSeconds();
      RollingOriginBacktest(config.backtest).run(input.panel, {ModelCandidate::fromSpec(spec)});
      std::printf("    %-42s wall %6.2f s  CPU %6.2f s\n", spec.c_str(), bench::wallSeconds() - w, bench::processCpuSeconds() - u);
    }
  }
  return wall < c.targetSeconds;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);  // QtSql needs an application object
  int threads = 2;
  bool perModel = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) threads = std::max(1, std::atoi(argv[++i]));
    else if (a == "--per-model") perModel = true;
    else {
      std::printf("Usage: bench_pipeline [--threads N] [--per-model]\n");
      return a == "--help" ? 0 : 2;
    }
  }
  try {
    const auto work = std::filesystem::temp_directory_path() / "foresight-bench-pipeline";
    std::filesystem::create_directories(work);
    bool ok = runCase({"adventureworks-daily.json", 10.0}, threads, perModel, work);
    ok = runCase({"adventureworks-by-territory.json", 30.0}, threads, perModel, work) && ok;
    return ok ? 0 : 3;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_pipeline: %s\n", e.what());
    return 2;
  }
}
