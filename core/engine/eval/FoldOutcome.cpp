#include "engine/eval/FoldOutcome.h"

#include "engine/models/JsonFields.h"

namespace foresight {

ScoredPoints FoldOutcome::points(const std::vector<double>& levels) const {
  ScoredPoints p;
  p.actual = actual;
  p.forecast = forecast;
  p.scaleAbs = Eigen::VectorXd::Constant(actual.size(), scale.meanAbs);
  p.scaleSq = Eigen::VectorXd::Constant(actual.size(), scale.meanSq);
  p.levels = levels;
  p.lower = lower;
  p.upper = upper;
  return p;
}

nlohmann::json FoldOutcome::toJson(const std::vector<double>& levels) const {
  nlohmann::json j = {{"series", series},
                      {"fold", fold.index},
                      {"train_start", trainStart.toIso()},
                      {"train_end", trainEnd.toIso()},
                      {"train_size", fold.trainSize()},
                      {"test_start", testStart.toIso()},
                      {"test_end", testEnd.toIso()},
                      {"ok", ok}};
  if (!ok) {
    j["error"] = error;
    return j;
  }
  j["actual"] = json_fields::toJson(actual);
  j["forecast"] = json_fields::toJson(forecast);
  nlohmann::json bounds = nlohmann::json::array();
  for (std::size_t c = 0; c < levels.size(); ++c) {
    const auto col = static_cast<Eigen::Index>(c);
    bounds.push_back({{"level", levels[c]},
                      {"lower", json_fields::toJson(lower.col(col))},
                      {"upper", json_fields::toJson(upper.col(col))}});
  }
  j["intervals"] = bounds;
  j["scale"] = {{"period", scale.period},
                {"mean_abs", numberOrNull(scale.meanAbs)},
                {"mean_sq", numberOrNull(scale.meanSq)}};
  j["metrics"] = metrics.toJson();
  return j;
}

}  // namespace foresight
