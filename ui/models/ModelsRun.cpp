#include "ui/models/ModelsRun.h"

#include <exception>
#include <limits>  // quiet_NaN

#include "engine/eval/ModelCandidate.h"
#include "engine/eval/RollingOriginBacktest.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/SeriesCleaning.h"

namespace foresight::ui {

FullFit ModelsRun::fitFull(const TimeSeries& series, const std::string& spec, const std::string& label,
                           const BacktestConfig& config) {
  FullFit out;
  out.label = label;
  try {
    auto model = ModelFactory::create(spec);
    model->fit(series);
    out.forecast = model->forecast(config.horizon, config.levels);
    // fitted() covers the cleaned data, which may start after leading gaps.
    out.residuals = Eigen::VectorXd::Constant(series.size(), std::numeric_limits<double>::quiet_NaN());
    const Eigen::VectorXd r = model->residuals();
    const auto offset = periodIndex(series.frequency, series.start, model->info().start);
    if (offset && *offset + r.size() <= series.size()) out.residuals.segment(*offset, r.size()) = r;
    out.ok = true;
  } catch (const CancelledError&) {
    throw;
  } catch (const std::exception& e) {
    out.error = e.what();
    return out;
  }
  try {
    // fitdf 0: Box.test's default. The models' parameter counts include
    // initial states, which checkresiduals does not subtract.
    const int lag = stats::ljungBoxDefaultLag(out.residuals.size(), defaultSeasonalPeriod(series.frequency), 0);
    out.ljungBox = stats::ljungBoxTest(out.residuals, lag, 0);
  } catch (const std::exception& e) {
    out.ljungBoxNote = e.what();
  }
  return out;
}

ModelsRun ModelsRun::compute(const TimeSeries& series, const std::vector<std::string>& specs,
                             const BacktestConfig& config, const ProgressSink& progress,
                             const CancellationToken& cancel) {
  std::vector<ModelCandidate> candidates;
  for (const auto& spec : specs) candidates.push_back(ModelCandidate::fromSpec(spec));
  ModelsRun run;
  run.series = series;
  const ProgressSink backtestProgress = [&progress](double f, std::string_view step) {
    if (progress) progress(0.8 * f, step);
  };
  run.backtest = RollingOriginBacktest(config).run(series, candidates, backtestProgress, &cancel);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    cancel.throwIfCancelled();
    if (progress)
      progress(0.8 + 0.2 * static_cast<double>(i) / static_cast<double>(candidates.size()),
               "fitting " + candidates[i].label + " on the whole series");
    run.fits.push_back(fitFull(series, candidates[i].spec, candidates[i].label, config));
  }
  if (progress) progress(1.0, "done");
  return run;
}

}  // namespace foresight::ui
