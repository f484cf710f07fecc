#include "engine/models/ModelUpdater.h"

#include <cmath>   // std::isnan
#include <limits>  // quiet_NaN

#include "engine/common/Errors.h"
#include "engine/models/SeriesCleaning.h"

namespace foresight {

namespace {

// Adds the file name to errors the engine raised without one.
InputError withSource(const InputError& e, const std::string& source) {
  InputLocation w = e.where();
  if (w.file.empty()) w.file = source;
  return InputError(w, e.problem());
}

}  // namespace

TimeSeries ModelUpdater::onModelGrid(const TimeSeries& observed, const FitInfo& info, const std::string& source) {
  std::vector<std::pair<Eigen::Index, double>> points;
  for (Eigen::Index i = 0; i < observed.size(); ++i) {
    if (std::isnan(observed.values[i])) continue;
    const Date d = observed.dateAt(i);
    const auto k = periodIndex(info.frequency, info.start, d);
    if (!k)
      throw InputError(InputLocation{source, 0, "date", d.toIso()},
                       "series '" + observed.name + "': not a period of the model's calendar (" +
                           std::string(frequencyCode(info.frequency)) + " periods from " + info.start.toIso() + ")");
    points.emplace_back(*k, observed.values[i]);
  }
  TimeSeries out{observed.name, info.frequency, info.start, Eigen::VectorXd()};
  if (points.empty()) return out;
  const Eigen::Index first = points.front().first;
  out.start = advancePeriod(info.frequency, info.start, static_cast<int>(first));
  out.values = Eigen::VectorXd::Constant(points.back().first - first + 1, std::numeric_limits<double>::quiet_NaN());
  for (const auto& [k, v] : points) out.values[k - first] = v;
  return out;
}

void ModelUpdater::apply(const std::vector<Forecaster*>& models, const Panel& newer, const std::string& source) {
  const bool pairByPosition = models.size() == 1 && newer.series.size() == 1;
  for (const TimeSeries& s : newer.series) {
    Forecaster* target = pairByPosition ? models.front() : nullptr;
    for (std::size_t i = 0; !target && i < models.size(); ++i)
      if (models[i]->info().series == s.name) target = models[i];
    if (!target) {
      std::string known;
      for (const Forecaster* m : models) known += (known.empty() ? "" : ", ") + m->info().series;
      throw InputError(InputLocation{source, 0, "series", s.name}, "no model was fitted on this series; the model file has: " + known);
    }
    try {
      target->update(onModelGrid(s, target->info(), source));
    } catch (const InputError& e) {
      throw withSource(e, source);
    }
  }
}

}  // namespace foresight
