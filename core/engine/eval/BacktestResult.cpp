#include "engine/eval/BacktestResult.h"

#include <algorithm>  // std::count_if

#include "engine/eval/Metrics.h"

namespace foresight {

int ModelBacktest::succeededFolds() const {
  return static_cast<int>(std::count_if(folds.begin(), folds.end(), [](const auto& f) { return f.ok; }));
}

int ModelBacktest::failedFolds() const { return static_cast<int>(folds.size()) - succeededFolds(); }

void ModelBacktest::summarise(const std::vector<double>& levels) {
  std::vector<const MetricValues*> ok;
  Eigen::Index horizon = 0;
  for (const auto& f : folds) {
    if (!f.ok) continue;
    ok.push_back(&f.metrics);
    horizon = f.actual.size();
  }
  summary = MetricSummary::of(ok, levels);
  perStep.clear();
  const auto n = static_cast<Eigen::Index>(ok.size());
  for (Eigen::Index step = 0; step < horizon; ++step) {
    ScoredPoints p = ScoredPoints::withSize(n, levels);
    Eigen::Index row = 0;
    for (const auto& f : folds) {
      if (!f.ok) continue;
      p.actual[row] = f.actual[step];
      p.forecast[row] = f.forecast[step];
      p.scaleAbs[row] = f.scale.meanAbs;
      p.scaleSq[row] = f.scale.meanSq;
      p.lower.row(row) = f.lower.row(step);
      p.upper.row(row) = f.upper.row(step);
      ++row;
    }
    perStep.push_back(Metrics::compute(p));
  }
}

const ModelBacktest* BacktestResult::find(const std::string& label) const {
  for (const auto& m : models)
    if (m.label == label) return &m;
  return nullptr;
}

nlohmann::json BacktestResult::toJson() const {
  nlohmann::json seriesJson = nlohmann::json::array();
  for (std::size_t i = 0; i < series.size(); ++i)
    seriesJson.push_back({{"name", series[i]},
                          {"seasonal_period", i < seasonalPeriods.size() ? seasonalPeriods[i] : 0}});
  nlohmann::json modelsJson = nlohmann::json::array();
  for (const auto& m : models) {
    nlohmann::json steps = nlohmann::json::array();
    for (std::size_t k = 0; k < m.perStep.size(); ++k) {
      auto s = m.perStep[k].toJson();
      s["step"] = k + 1;
      steps.push_back(s);
    }
    nlohmann::json foldsJson = nlohmann::json::array();
    for (const auto& f : m.folds) foldsJson.push_back(f.toJson(config.levels));
    modelsJson.push_back({{"label", m.label},
                          {"spec", m.spec},
                          {"succeeded", m.succeededFolds()},
                          {"failed", m.failedFolds()},
                          {"summary", m.summary.toJson()},
                          {"per_step", steps},
                          {"folds", foldsJson}});
  }
  return {{"config", config.toJson()}, {"series", seriesJson}, {"models", modelsJson}};
}

}  // namespace foresight
