#include "engine/eval/RollingOriginBacktest.h"

#include <algorithm>  // std::sort, std::unique
#include <exception>
#include <string>

#include "engine/common/Errors.h"
#include "engine/eval/FoldLayout.h"
#include "engine/eval/Metrics.h"
#include "engine/eval/TaskPool.h"

namespace foresight {

RollingOriginBacktest::RollingOriginBacktest(BacktestConfig config) : config_(std::move(config)) {
  config_.validate();
  std::sort(config_.levels.begin(), config_.levels.end());
  config_.levels.erase(std::unique(config_.levels.begin(), config_.levels.end()), config_.levels.end());
}

BacktestResult RollingOriginBacktest::run(const TimeSeries& series,
                                          const std::vector<ModelCandidate>& models,
                                          const ProgressSink& progress,
                                          const CancellationToken* cancel) const {
  return run(Panel{{series}}, models, progress, cancel);
}

FoldOutcome RollingOriginBacktest::runFold(const TimeSeries& series, const Fold& fold,
                                           const ModelCandidate& model,
                                           const std::vector<double>& levels, int seasonalPeriod,
                                           const CancellationToken* cancel) {
  FoldOutcome out;
  out.series = series.name;
  out.fold = fold;
  out.trainStart = series.dateAt(fold.trainBegin);
  out.trainEnd = series.dateAt(fold.trainEnd - 1);
  out.testStart = series.dateAt(fold.testBegin);
  out.testEnd = series.dateAt(fold.testEnd - 1);
  const Eigen::Index h = fold.testEnd - fold.testBegin;
  out.actual = series.values.segment(fold.testBegin, h);
  const auto training = series.values.segment(fold.trainBegin, fold.trainSize());
  out.scale = NaiveScale::of(training, seasonalPeriod);
  try {
    auto forecaster = model.make();
    forecaster->fit(TimeSeries{series.name, series.frequency, out.trainStart, training}, cancel);
    const Forecast f = forecaster->forecast(fold.forecastSteps(), levels);
    // The model forecasts through the gap; only the last h steps are scored.
    out.forecast = f.mean.tail(h);
    out.lower = f.lower.bottomRows(h);
    out.upper = f.upper.bottomRows(h);
    out.metrics = Metrics::compute(out.points(levels));
    out.ok = true;
  } catch (const CancelledError&) {
    throw;
  } catch (const std::exception& e) {
    out.ok = false;
    out.error = e.what();
  }
  return out;
}

BacktestResult RollingOriginBacktest::run(const Panel& panel, const std::vector<ModelCandidate>& models,
                                          const ProgressSink& progress,
                                          const CancellationToken* cancel) const {
  if (models.empty()) throw InputError(InputLocation{"", 0, "models", ""}, "no model to backtest");
  if (panel.series.empty()) throw InputError(InputLocation{"", 0, "series", ""}, "no series to backtest");

  BacktestResult result;
  result.config = config_;
  std::vector<std::vector<Fold>> layouts;
  for (const auto& s : panel.series) {
    layouts.push_back(FoldLayout::make(s.size(), config_, s.name));
    result.series.push_back(s.name);
    result.seasonalPeriods.push_back(config_.seasonalPeriod > 0 ? config_.seasonalPeriod
                                                                : defaultSeasonalPeriod(s.frequency));
  }

  // One slot per (model, series, fold); tasks fill their own slot only.
  const std::size_t perModel = panel.series.size() * static_cast<std::size_t>(config_.folds);
  const std::size_t total = models.size() * perModel;
  std::vector<FoldOutcome> slots(total);
  auto task = [&](std::size_t i) {
    const std::size_t m = i / perModel, rest = i % perModel;
    const std::size_t s = rest / static_cast<std::size_t>(config_.folds);
    const std::size_t k = rest % static_cast<std::size_t>(config_.folds);
    slots[i] = runFold(panel.series[s], layouts[s][k], models[m], config_.levels,
                       result.seasonalPeriods[s], cancel);
  };
  auto onDone = [&](std::size_t done) {
    if (progress) progress(static_cast<double>(done) / static_cast<double>(total), "backtest folds");
  };
  if (progress) progress(0.0, "backtest folds");
  TaskPool::run(total, config_.threads, task, cancel, onDone);

  for (std::size_t m = 0; m < models.size(); ++m) {
    ModelBacktest mb;
    mb.label = models[m].label;
    mb.spec = models[m].spec;
    mb.folds.assign(std::make_move_iterator(slots.begin() + static_cast<long>(m * perModel)),
                    std::make_move_iterator(slots.begin() + static_cast<long>((m + 1) * perModel)));
    mb.summarise(config_.levels);
    result.models.push_back(std::move(mb));
  }
  return result;
}

}  // namespace foresight
