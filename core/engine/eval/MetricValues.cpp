#include "engine/eval/MetricValues.h"

#include <cmath>  // std::isfinite

namespace foresight {

nlohmann::json numberOrNull(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

double MetricValues::value(const MetricKey& key) const {
  switch (key.metric) {
    case Metric::MAE: return mae;
    case Metric::RMSE: return rmse;
    case Metric::MAPE: return mape;
    case Metric::SMAPE: return smape;
    case Metric::MASE: return mase;
    case Metric::RMSSE: return rmsse;
    case Metric::R2: return r2;
    case Metric::Bias: return bias;
    case Metric::Coverage:
    case Metric::Winkler:
    case Metric::Pinball:
      for (const auto& iv : intervals) {
        if (iv.level != key.level) continue;
        if (key.metric == Metric::Coverage) return iv.coverage;
        return key.metric == Metric::Winkler ? iv.winkler : iv.pinball;
      }
      return kNaN;
  }
  return kNaN;
}

nlohmann::json MetricValues::toJson() const {
  nlohmann::json j = {{"points", points},         {"mae", numberOrNull(mae)},
                      {"rmse", numberOrNull(rmse)}, {"mape", numberOrNull(mape)},
                      {"smape", numberOrNull(smape)}, {"mase", numberOrNull(mase)},
                      {"rmsse", numberOrNull(rmsse)}, {"r2", numberOrNull(r2)},
                      {"bias", numberOrNull(bias)}};
  nlohmann::json iv = nlohmann::json::array();
  for (const auto& s : intervals)
    iv.push_back({{"level", s.level},
                  {"coverage", numberOrNull(s.coverage)},
                  {"winkler", numberOrNull(s.winkler)},
                  {"pinball", numberOrNull(s.pinball)}});
  j["intervals"] = iv;
  j["notes"] = notes;
  return j;
}

}  // namespace foresight
