#include "engine/hierarchy/HierarchicalForecast.h"

#include "engine/common/Errors.h"
#include "engine/hierarchy/HierarchicalModel.h"
#include "engine/hierarchy/NodeFits.h"
#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"

namespace foresight {

namespace {

HierarchicalPanel panelOf(const Hierarchy& h, const Eigen::MatrixXd& values, const TimeSeries& last) {
  HierarchicalPanel out{h, {}};
  const Date start = advancePeriod(last.frequency, last.end(), 1);
  for (int i = 0; i < h.size(); ++i)
    out.panel.series.push_back(
        TimeSeries{h.nodes()[static_cast<std::size_t>(i)].name, last.frequency, start, values.row(i).transpose()});
  return out;
}

}  // namespace

HierarchicalForecastResult HierarchicalForecast::run(const HierarchicalPanel& h, const HierarchicalForecastConfig& config,
                                                     const ProgressSink& progress, const CancellationToken* cancel) {
  for (const double level : config.levels)
    if (!(level > 0 && level < 100)) throw InputError("interval levels must lie in (0, 100), not " + std::to_string(level));
  if (config.horizon < 1 || config.horizon > Forecaster::kMaxHorizon)
    throw InputError("horizon must be 1 to " + std::to_string(Forecaster::kMaxHorizon) + ", not " +
                     std::to_string(config.horizon));
  const ModelSpec spec = ModelSpec::parse(config.model);
  const ModelSpec bottomSpec = ModelSpec::parse(config.bottomModel.empty() ? config.model : config.bottomModel);
  (void)ModelFactory::create(spec);
  (void)ModelFactory::create(bottomSpec);
  const TimeSeries& total = h.panel.series.front();
  const auto nodes = static_cast<double>(h.hierarchy.size());
  const NodeFits fits = NodeFits::fit(h, spec, bottomSpec, 0, total.size(), config.horizon, config.threads,
                                      "all data", cancel, [&](std::size_t done) {
                                        if (progress) progress(0.95 * static_cast<double>(done) / nodes, "fitting");
                                      });
  ReconcileInputs in;
  in.base = fits.forecast;
  in.residuals = fits.residuals;
  if (!config.levels.empty()) in.baseSd = fits.sd;
  in.history.resize(h.hierarchy.size(), total.size());
  for (int i = 0; i < h.hierarchy.size(); ++i) in.history.row(i) = h.panel.series[static_cast<std::size_t>(i)].values.transpose();
  const ReconcileResult r = Reconciler::reconcile(h.hierarchy, in, config.reconcile);
  if (progress) progress(1.0, "reconciled");
  HierarchicalForecastResult out;
  out.forecast = panelOf(h.hierarchy, r.mean, total);
  out.base = panelOf(h.hierarchy, fits.forecast, total);
  out.lambda = r.lambda;
  out.negativesSetToZero = r.negativesSetToZero;
  out.periodsDropped = r.periodsDropped;
  if (config.levels.empty()) return out;
  out.intervals = HierarchicalModel::toForecasts(r, out.forecast.panel.series.front().start, total.frequency,
                                                 config.levels, config.reconcile.nonNegative);
  return out;
}

}  // namespace foresight
