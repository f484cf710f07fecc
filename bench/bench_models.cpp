// bench_models: fits every benchmarked model on all M4 Weekly series and on
// the Adventure Works daily revenue, single thread, forecasts 13 steps and
// reports per model the fit + forecast time (total, per-series median and
// mean, CPU of this thread), sMAPE and MASE on the M4 test, and the process's
// wall time, CPU time and peak RSS. When Rscript with the forecast package is
// installed, the same series go to R's ets(), thetaf() and auto.arima()
// (bench/r/bench_models.R, timed inside R per series) and the report adds R's
// times, our speed ratio per series (median, geometric mean) and R's accuracy.
// The figures and the command are in docs/benchmarks.md.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <sstream>
#include <string>
#include <vector>

#include "BenchClock.h"
#include "BenchSeries.h"
#include "ModelTimings.h"
#include "RBaseline.h"
#include "engine/common/Errors.h"
#include "engine/common/TimeSeries.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;
using namespace foresight::bench;

namespace {

struct Options {
  std::string m4 = FORESIGHT_SOURCE_DIR "/../shared/data/m4";
  std::string aw = FORESIGHT_SOURCE_DIR "/../shared/data/adventureworks";
  std::string rscript = "Rscript";
  std::string rResults;  // R's output of an earlier run, instead of running R again
  std::string forecasts;  // where to write our point forecasts (to compare builds bit for bit)
  std::vector<std::string> models{"naive", "snaive", "drift", "mean", "moving_average", "theta", "ets", "auto_arima"};
  std::size_t limit = 0;
  int m4Period = 1;
  bool withR = true, withAw = true;
};

const char* kUsage =
    "Usage: bench_models [--limit N] [--models a,b,...] [--m4 DIR] [--aw DIR] [--no-aw]\n"
    "                    [--m4-period P] [--no-r] [--rscript PATH] [--r-results FILE]\n"
    "  --limit N        first N M4 Weekly series only (default all 359)\n"
    "  --models         model names (default naive,snaive,drift,mean,moving_average,theta,ets,auto_arima)\n"
    "  --m4-period P    seasonal period given to ets, theta, auto_arima and R on M4 (default 1, the organisers')\n"
    "  --no-r           do not run R; --r-results FILE reads R's output of an earlier run instead\n"
    "  --forecasts FILE writes model,series,forecasts (17 digits) to compare two builds\n";

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError(a + " needs a value");
      return argv[++i];
    };
    if (a == "--limit") o.limit = static_cast<std::size_t>(std::max(0L, std::atol(value().c_str())));
    else if (a == "--models") o.models = splitList(value());
    else if (a == "--m4") o.m4 = value();
    else if (a == "--aw") o.aw = value();
    else if (a == "--no-aw") o.withAw = false;
    else if (a == "--m4-period") o.m4Period = std::max(1, std::atoi(value().c_str()));
    else if (a == "--no-r") o.withR = false;
    else if (a == "--rscript") o.rscript = value();
    else if (a == "--r-results") o.rResults = value();
    else if (a == "--forecasts") o.forecasts = value();
    else if (a == "--help") {
      std::printf("%s", kUsage);
      std::exit(0);
    } else throw UsageError("unknown option " + a + "\n" + kUsage);
  }
  for (const std::string& m : o.models) ModelFactory::find(m);  // InputError naming the known models
  return o;
}

// The spec run on a series: models compared with R get the series' period.
std::string specFor(const std::string& model, const BenchSeries& s) {
  return hasRCounterpart(model) ? model + "(period=" + std::to_string(s.period) + ")" : model;
}

SeriesRun fitOne(const std::string& spec, const BenchSeries& s) {
  SeriesRun run;
  const Eigen::Map<const Eigen::VectorXd> x(s.train.data(), static_cast<Eigen::Index>(s.train.size()));
  const TimeSeries y{s.id, s.frequency, periodStart(s.frequency, *Date::fromYmd(2000, 1, 3)), x};
  try {
    const double cpu0 = threadCpuSeconds(), wall0 = wallSeconds();
    auto model = ModelFactory::create(spec);
    model->fit(y);
    const Forecast f = model->forecast(s.horizon, {80, 95});
    run.cpuSeconds = threadCpuSeconds() - cpu0;
    run.wallSeconds = wallSeconds() - wall0;
    run.mean.assign(f.mean.data(), f.mean.data() + f.mean.size());
  } catch (const std::exception& e) {
    run.error = e.what();
  }
  return run;
}

std::string ms(double seconds) {
  char buf[32];
  if (std::isnan(seconds)) return "-";
  if (seconds < 0.01) std::snprintf(buf, sizeof buf, "%.2f ms", seconds * 1e3);
  else std::snprintf(buf, sizeof buf, "%.1f ms", seconds * 1e3);
  return buf;
}

std::string num(double v, int decimals) {
  if (std::isnan(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

void printTables(const std::vector<ModelRuns>& all, const std::vector<BenchSeries>& series, const std::string& set,
                 bool withR, bool& targetsMet) {
  std::printf("\n%s: fit + forecast(13, 80/95%%), CPU of one thread\n", set == "m4" ? "M4 Weekly" : "Adventure Works daily");
  std::printf("| model | series | failed | total | median | mean | sMAPE | MASE |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const ModelRuns& runs : all) {
    const SetSummary s = summarise(runs, series, set);
    std::printf("| %s | %d | %d | %s | %s | %s | %s | %s |\n", runs.model.c_str(),
                s.series, s.failed, ms(s.totalCpu).c_str(), ms(s.medianCpu).c_str(), ms(s.meanCpu).c_str(),
                num(s.smape, 3).c_str(), num(s.mase, 3).c_str());
  }
  if (!withR) return;
  std::printf("\n%s against R (series both fitted; time per series = CPU of fit + forecast)\n",
              set == "m4" ? "M4 Weekly" : "Adventure Works daily");
  std::printf("| model | series | R failed | ours median | R median | ours total | R total | ratio median | ratio geo-mean "
              "| sMAPE ours | sMAPE R | MASE ours | MASE R | target |\n"
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
  for (const ModelRuns& runs : all) {
    if (runs.r.empty()) continue;
    const SetSummary s = summarise(runs, series, set);
    const double speedTarget = runs.model == "ets" ? 5 : runs.model == "auto_arima" ? 10 : 0;
    std::string verdict;
    if (speedTarget > 0) {
      const bool fast = s.ratioGeoMean >= speedTarget;
      const bool accurate = set != "m4" || (s.smape <= s.rSmape * 1.01 && s.mase <= s.rMase * 1.01);
      verdict = std::string(fast ? "speed met" : "speed MISSED") + " (>= " + num(speedTarget, 0) + "x)";
      if (set == "m4") verdict += accurate ? ", accuracy met" : ", accuracy MISSED";
      targetsMet = targetsMet && fast && accurate;
    }
    std::printf("| %s | %d | %d | %s | %s | %s | %s | %sx | %sx | %s | %s | %s | %s | %s |\n", runs.model.c_str(),
                s.series - s.failed, s.rFailed, ms(s.medianCpu).c_str(), ms(s.rMedian).c_str(), ms(s.totalCpu).c_str(),
                ms(s.rTotal).c_str(), num(s.ratioMedian, 1).c_str(), num(s.ratioGeoMean, 1).c_str(),
                num(s.smape, 3).c_str(), num(s.rSmape, 3).c_str(), num(s.mase, 3).c_str(),
                num(s.rMase, 3).c_str(), verdict.c_str());
  }
}

void writeForecasts(const std::string& path, const std::vector<ModelRuns>& all, const std::vector<BenchSeries>& series) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (!out) throw std::runtime_error("cannot write " + path);
  for (const ModelRuns& runs : all)
    for (std::size_t i = 0; i < series.size(); ++i) {
      std::fprintf(out, "%s,%s", runs.model.c_str(), series[i].id.c_str());
      for (double v : runs.ours[i].mean) std::fprintf(out, ",%.17g", v);
      std::fprintf(out, "\n");
    }
  std::fclose(out);
}

RRun obtainR(const Options& o, const std::vector<BenchSeries>& series) {
  if (!o.rResults.empty()) return readRResults(o.rResults);
  RRun run;
  if (!o.withR) {
    run.note = "R skipped (--no-r)";
    return run;
  }
  if (std::none_of(o.models.begin(), o.models.end(), hasRCounterpart)) {
    run.note = "R skipped: none of the models has an R counterpart (ets, theta, auto_arima)";
    return run;
  }
  char dir[] = "/tmp/bench_models_XXXXXX";
  if (!mkdtemp(dir)) throw std::runtime_error("cannot make a temporary folder under /tmp");
  std::fprintf(stderr, "running R on %zu series (R's output goes to %s)\n", series.size(), dir);
  return runR(o.rscript, FORESIGHT_SOURCE_DIR "/bench/r/bench_models.R", series, o.models, dir);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse(argc, argv);
    std::vector<BenchSeries> series = readM4Weekly(o.m4 + "/Weekly-train.csv", o.m4 + "/Weekly-test.csv", o.limit, o.m4Period);
    if (o.withAw) series.push_back(adventureWorksDaily(o.aw));

    const double wall0 = wallSeconds(), cpu0 = processCpuSeconds();
    std::vector<ModelRuns> all;
    for (const std::string& model : o.models) {
      ModelRuns runs;
      runs.model = model;
      for (std::size_t i = 0; i < series.size(); ++i) {
        runs.specs.push_back(specFor(model, series[i]));
        runs.ours.push_back(fitOne(runs.specs.back(), series[i]));
        if ((i + 1) % 100 == 0) std::fprintf(stderr, "%s: %zu/%zu series\n", model.c_str(), i + 1, series.size());
      }
      all.push_back(std::move(runs));
    }
    const double ourWall = wallSeconds() - wall0, ourCpu = processCpuSeconds() - cpu0, ourRss = peakRssMiB();
    if (!o.forecasts.empty()) writeForecasts(o.forecasts, all, series);

    const RRun r = obtainR(o, series);
    for (ModelRuns& runs : all) {
      const auto it = r.results.find(runs.model);
      if (!r.ran || it == r.results.end()) continue;
      for (const BenchSeries& s : series) {
        const auto found = it->second.find(s.id);
        runs.r.push_back(found == it->second.end() ? RResult{} : found->second);
      }
    }

    std::printf("bench_models: %zu M4 Weekly series (period %d for the models compared with R)%s, one thread\n",
                series.size() - (o.withAw ? 1 : 0), o.m4Period, o.withAw ? " + Adventure Works daily revenue (period 7)" : "");
    for (const ModelRuns& runs : all)
      for (std::size_t i = 0; i < series.size(); ++i)
        if (!runs.ours[i].error.empty())
          std::printf("  %s failed on %s: %s\n", runs.specs[i].c_str(), series[i].id.c_str(), runs.ours[i].error.c_str());
    bool targetsMet = true;
    printTables(all, series, "m4", r.ran, targetsMet);
    if (o.withAw) printTables(all, series, "aw", r.ran, targetsMet);
    std::printf("\nForesight: wall %.1f s, CPU %.1f s, peak RSS %.1f MiB\n", ourWall, ourCpu, ourRss);
    if (r.ran && o.rResults.empty())
      std::printf("R %s, forecast %s: wall %.1f s, CPU %.1f s, peak RSS %.1f MiB\n", r.rVersion.c_str(),
                  r.forecastVersion.c_str(), r.wallSeconds, r.cpuSeconds, r.peakRssMiB);
    else if (r.ran)
      std::printf("R %s, forecast %s: read from %s (that run's process figures are not known here)\n",
                  r.rVersion.c_str(), r.forecastVersion.c_str(), o.rResults.c_str());
    else std::printf("%s\n", r.note.c_str());
    if (!r.ran) return 0;
    std::printf("targets (ets >= 5x, auto_arima >= 10x R per series by geometric mean; M4 sMAPE and MASE within 1%% of R): %s\n",
                targetsMet ? "met" : "MISSED");
    return targetsMet ? 0 : 3;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "bench_models: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_models: %s\n", e.what());
    return 2;
  }
}
