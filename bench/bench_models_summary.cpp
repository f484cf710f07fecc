#include <algorithm>
#include <cmath>
#include <numeric>

#include "ModelTimings.h"
#include "engine/eval/Metrics.h"
#include "engine/eval/NaiveScale.h"

namespace foresight::bench {

double median(std::vector<double> v) {
  if (v.empty()) return SetSummary::kNaN;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

namespace {

double mean(const std::vector<double>& v) {
  return v.empty() ? SetSummary::kNaN : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

// sMAPE and MASE of one forecast by the M4 rules: the eval module's metrics
// with the in-sample lag-1 naive error as MASE scale (Weekly counts as
// non-seasonal for the organisers).
MetricValues score(const BenchSeries& s, const std::vector<double>& forecast) {
  const auto h = static_cast<Eigen::Index>(s.test.size());
  ScoredPoints p = ScoredPoints::withSize(h, {});
  const Eigen::Map<const Eigen::VectorXd> train(s.train.data(), static_cast<Eigen::Index>(s.train.size()));
  const NaiveScale scale = NaiveScale::of(train, 1);
  for (Eigen::Index k = 0; k < h; ++k) {
    p.actual[k] = s.test[static_cast<std::size_t>(k)];
    p.forecast[k] = forecast[static_cast<std::size_t>(k)];
    p.scaleAbs[k] = scale.meanAbs;
    p.scaleSq[k] = scale.meanSq;
  }
  return Metrics::compute(p);
}

}  // namespace

SetSummary summarise(const ModelRuns& runs, const std::vector<BenchSeries>& series, const std::string& set) {
  SetSummary out;
  std::vector<double> cpu, rCpu, logRatio, ratio, smape, mase, rSmape, rMase;
  const bool withR = !runs.r.empty();
  for (std::size_t i = 0; i < series.size(); ++i) {
    const BenchSeries& s = series[i];
    if (s.set != set) continue;
    ++out.series;
    const SeriesRun& ours = runs.ours[i];
    const bool ok = !ours.mean.empty();
    if (!ok) ++out.failed;
    else {
      cpu.push_back(ours.cpuSeconds);
      out.totalCpu += ours.cpuSeconds;
      out.totalWall += ours.wallSeconds;
    }
    if (!withR) {
      if (ok && !s.test.empty()) {
        const MetricValues m = score(s, ours.mean);
        smape.push_back(m.smape);
        mase.push_back(m.mase);
      }
      continue;
    }
    const RResult& r = runs.r[i];
    const bool rOk = !r.mean.empty();
    if (!rOk) ++out.rFailed;
    else rCpu.push_back(r.seconds);
    if (!ok || !rOk) continue;
    if (ours.cpuSeconds > 0 && r.seconds > 0) {
      ratio.push_back(r.seconds / ours.cpuSeconds);
      logRatio.push_back(std::log(r.seconds / ours.cpuSeconds));
    }
    if (s.test.empty()) continue;
    const MetricValues m = score(s, ours.mean), rm = score(s, r.mean);
    smape.push_back(m.smape);
    mase.push_back(m.mase);
    rSmape.push_back(rm.smape);
    rMase.push_back(rm.mase);
  }
  out.medianCpu = median(cpu);
  out.meanCpu = mean(cpu);
  if (withR) {
    out.rTotal = std::accumulate(rCpu.begin(), rCpu.end(), 0.0);
    out.rMedian = median(rCpu);
    out.rMean = mean(rCpu);
    out.ratioMedian = median(ratio);
    out.ratioGeoMean = logRatio.empty() ? SetSummary::kNaN : std::exp(mean(logRatio));
  }
  out.scored = static_cast<int>(smape.size());
  out.smape = mean(smape);
  out.mase = mean(mase);
  out.rSmape = mean(rSmape);
  out.rMase = mean(rMase);
  return out;
}

}  // namespace foresight::bench
