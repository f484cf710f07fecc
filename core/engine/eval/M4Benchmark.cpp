#include "engine/eval/M4Benchmark.h"

#include <algorithm>  // std::find
#include <chrono>
#include <cmath>      // std::fabs, std::isfinite
#include <exception>
#include <iterator>  // std::prev
#include <map>

#include "engine/common/Errors.h"
#include "engine/common/TimeSeries.h"
#include "engine/eval/NaiveScale.h"
#include "engine/eval/TaskPool.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/ModelSpec.h"

namespace foresight {

Frequency M4Benchmark::frequencyOf(const std::string& id) {
  switch (id.empty() ? '?' : id[0]) {
    case 'Y': return Frequency::Yearly;
    case 'Q': return Frequency::Quarterly;
    case 'M': return Frequency::Monthly;
    case 'W': return Frequency::Weekly;
    case 'D': return Frequency::Daily;
    case 'H':
      throw InputError(InputLocation{"", 0, "V1", id},
                       "hourly M4 series are not supported (Foresight has no hourly frequency)");
    default:
      throw InputError(InputLocation{"", 0, "V1", id},
                       "an M4 id starts with Y, Q, M, W or D (the frequency)");
  }
}

int M4Benchmark::seasonalPeriodOf(const std::string& id) {
  // The organisers' ts frequencies: weekly and daily data count as non-seasonal.
  switch (frequencyOf(id)) {
    case Frequency::Quarterly: return 4;
    case Frequency::Monthly: return 12;
    default: return 1;
  }
}

std::string M4Benchmark::runSpec(const std::string& specText, int period) {
  ModelSpec spec = ModelSpec::parse(specText);
  const ModelInfo& info = ModelFactory::find(spec.name);
  auto setDefault = [&](const std::string& name, const std::string& value) {
    const auto declared = std::find_if(info.params.begin(), info.params.end(),
                                       [&](const ParamSpec& p) { return p.name == name; });
    if (declared == info.params.end()) return;
    if (!declared->choices.empty() &&
        std::find(declared->choices.begin(), declared->choices.end(), value) == declared->choices.end())
      return;
    const bool given = std::any_of(spec.args.begin(), spec.args.end(), [&](const auto& a) { return a.first == name; });
    if (!given) spec.args.emplace_back(name, value);
  };
  // The organisers' Theta benchmark is the classic method (Theta.classic in
  // their code), not R's thetaf.
  if (spec.name == "theta") setDefault("method", "classic");
  setDefault("period", std::to_string(period));
  // An ensemble's members (given or default) follow the same rules, so a
  // combination is scored on the same footing as its members alone.
  for (const ParamSpec& p : info.params) {
    if (p.type != ParamType::ModelList) continue;
    auto given = std::find_if(spec.args.begin(), spec.args.end(), [&](const auto& a) { return a.first == p.name; });
    if (given == spec.args.end()) {
      if (!p.defaultValue.is_string()) continue;
      spec.args.emplace_back(p.name, p.defaultValue.get<std::string>());
      given = std::prev(spec.args.end());
    }
    std::string members;
    for (const auto& member : ModelSpec::parseList(given->second, '+'))
      members += (members.empty() ? "" : "+") + runSpec(member.toString(), period);
    given->second = members;
  }
  return spec.toString();
}

namespace {

struct SeriesScore {
  bool ok = false;
  double smape = 0.0;
  double mase = 0.0;  // NaN when the series has no in-sample scale
  double seconds = 0.0;
  std::string error;
};

void checkAligned(const std::vector<M4Series>& train, const std::vector<M4Series>& test,
                  const std::string& testSource) {
  if (train.size() != test.size())
    throw InputError(InputLocation{testSource, 0, "V1", ""},
                     "the test file has " + std::to_string(test.size()) + " series but the training file has " +
                         std::to_string(train.size()));
  for (std::size_t i = 0; i < train.size(); ++i)
    if (train[i].id != test[i].id)
      throw InputError(InputLocation{testSource, test[i].line, "V1", test[i].id},
                       "series " + test[i].id + " is where the training file has " + train[i].id +
                           " (both files must list the same series in the same order)");
}

SeriesScore score(const M4Series& train, const M4Series& test, const std::string& spec,
                  const CancellationToken* cancel) {
  SeriesScore s;
  const auto start = std::chrono::steady_clock::now();
  try {
    const Frequency f = M4Benchmark::frequencyOf(train.id);
    const int m = M4Benchmark::seasonalPeriodOf(train.id);
    const Eigen::Map<const Eigen::VectorXd> x(train.values.data(), static_cast<Eigen::Index>(train.values.size()));
    auto model = ModelFactory::create(spec);
    model->fit(TimeSeries{train.id, f, periodStart(f, *Date::fromYmd(2000, 1, 3)), x}, cancel);
    const auto h = static_cast<int>(test.values.size());
    const Forecast fc = model->forecast(h, {});
    double smape = 0.0, absErr = 0.0;
    for (int k = 0; k < h; ++k) {
      const double y = test.values[static_cast<std::size_t>(k)], yhat = fc.mean[k];
      const double denom = std::fabs(y) + std::fabs(yhat);
      if (denom > 0.0) smape += 200.0 * std::fabs(y - yhat) / denom;
      absErr += std::fabs(y - yhat);
    }
    const NaiveScale scale = NaiveScale::of(x, m);
    s.smape = smape / h;
    s.mase = scale.meanAbs > 0.0 ? absErr / h / scale.meanAbs : NaiveScale::kNaN;
    s.ok = true;
  } catch (const CancelledError&) {
    throw;
  } catch (const std::exception& e) {
    s.error = train.id + ": " + e.what();
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

double meanOf(const std::vector<double>& v) {
  double sum = 0.0;
  int n = 0;
  for (double x : v)
    if (std::isfinite(x)) {
      sum += x;
      ++n;
    }
  return n > 0 ? sum / n : NaiveScale::kNaN;
}

}  // namespace

M4BenchmarkResult M4Benchmark::run(const std::string& trainPath, const std::string& testPath,
                                   const std::vector<std::string>& specs, const M4Options& options,
                                   const ProgressSink& progress, const CancellationToken* cancel) {
  const auto train = M4Dataset::read(trainPath, options.limit);
  const auto test = M4Dataset::read(testPath, options.limit);
  checkAligned(train, test, testPath);
  return run(train, test, specs, options, progress, cancel);
}

M4BenchmarkResult M4Benchmark::run(const std::vector<M4Series>& train, const std::vector<M4Series>& test,
                                   const std::vector<std::string>& specs, const M4Options& options,
                                   const ProgressSink& progress, const CancellationToken* cancel) {
  if (specs.empty()) throw InputError(InputLocation{"", 0, "models", ""}, "no model to benchmark");
  checkAligned(train, test, "test");
  const std::size_t nSeries = options.limit > 0 ? std::min(options.limit, train.size()) : train.size();
  if (nSeries == 0) throw InputError(InputLocation{"", 0, "train", ""}, "no series to benchmark");

  const auto started = std::chrono::steady_clock::now();
  M4BenchmarkResult result;
  result.series = static_cast<int>(nSeries);
  // The spec each model runs with on each series (period set per frequency),
  // validated now so that a typo fails before any series runs.
  std::vector<std::string> labels = specs;
  int naive2 = -1;
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (ModelSpec::parse(specs[i]).toString() == "naive2") naive2 = static_cast<int>(i);
  if (naive2 < 0 && ModelFactory::lookup("naive2")) {
    labels.push_back("naive2");
    naive2 = static_cast<int>(labels.size() - 1);
  }
  result.hasNaive2 = naive2 >= 0;
  std::map<std::pair<std::size_t, int>, std::string> specsRun;
  for (std::size_t s = 0; s < nSeries; ++s) {
    const std::string letter = train[s].id.substr(0, 1);
    if (std::find(result.frequencies.begin(), result.frequencies.end(), letter) == result.frequencies.end())
      result.frequencies.push_back(letter);
    const int h = static_cast<int>(test[s].values.size());
    if (std::find(result.horizons.begin(), result.horizons.end(), h) == result.horizons.end())
      result.horizons.push_back(h);
    const int m = seasonalPeriodOf(train[s].id);
    for (std::size_t i = 0; i < labels.size(); ++i)
      if (!specsRun.count({i, m})) {
        specsRun[{i, m}] = M4Benchmark::runSpec(labels[i], m);
        ModelFactory::create(specsRun[{i, m}]);
      }
  }

  std::vector<SeriesScore> slots(labels.size() * nSeries);
  auto task = [&](std::size_t i) {
    const std::size_t model = i / nSeries, s = i % nSeries;
    slots[i] = score(train[s], test[s], specsRun.at({model, seasonalPeriodOf(train[s].id)}), cancel);
  };
  auto onDone = [&](std::size_t done) {
    if (progress) progress(static_cast<double>(done) / static_cast<double>(slots.size()), "M4 series");
  };
  TaskPool::run(slots.size(), options.threads, task, cancel, onDone);

  int undefinedMase = 0;
  for (std::size_t s = 0; s < nSeries; ++s) {
    const Eigen::Map<const Eigen::VectorXd> x(train[s].values.data(),
                                              static_cast<Eigen::Index>(train[s].values.size()));
    if (!(NaiveScale::of(x, seasonalPeriodOf(train[s].id)).meanAbs > 0.0)) ++undefinedMase;
  }
  for (std::size_t m = 0; m < labels.size(); ++m) {
    M4ModelScore sc;
    sc.label = labels[m];
    for (const auto& [key, spec] : specsRun)
      if (key.first == m) sc.runSpecs.push_back(spec);
    std::vector<double> smape, mase, smapeBoth, maseBoth, naiveSmape, naiveMase;
    for (std::size_t s = 0; s < nSeries; ++s) {
      const SeriesScore& r = slots[m * nSeries + s];
      sc.fitSeconds += r.seconds;
      if (!r.ok) {
        ++sc.failed;
        if (sc.firstError.empty()) sc.firstError = r.error;
        continue;
      }
      ++sc.series;
      smape.push_back(r.smape);
      mase.push_back(r.mase);
      if (naive2 < 0) continue;
      const SeriesScore& n = slots[static_cast<std::size_t>(naive2) * nSeries + s];
      if (!n.ok || !std::isfinite(r.mase)) continue;
      smapeBoth.push_back(r.smape);
      maseBoth.push_back(r.mase);
      naiveSmape.push_back(n.smape);
      naiveMase.push_back(n.mase);
    }
    sc.smape = meanOf(smape);
    sc.mase = meanOf(mase);
    if (naive2 >= 0 && !smapeBoth.empty())
      sc.owa = 0.5 * (meanOf(smapeBoth) / meanOf(naiveSmape) + meanOf(maseBoth) / meanOf(naiveMase));
    result.models.push_back(sc);
  }
  if (!result.hasNaive2) result.notes.push_back("OWA undefined: no naive2 model is available");
  result.threads = TaskPool::threadCount(options.threads, slots.size());
  result.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (undefinedMase > 0)
    result.notes.push_back("MASE undefined (constant training data) for " + std::to_string(undefinedMase) +
                           " series; left out of the MASE means");
  return result;
}

}  // namespace foresight
