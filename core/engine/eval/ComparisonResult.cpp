#include "engine/eval/ComparisonResult.h"

namespace foresight {

nlohmann::json ComparisonResult::toJson() const {
  BacktestResult both;
  both.config = config;
  if (champion) both.models.push_back(*champion);
  both.models.push_back(challenger);
  nlohmann::json j = {{"config", config.toJson()},
                      {"champion", champion ? nlohmann::json(champion->label) : nlohmann::json(nullptr)},
                      {"challenger", challenger.label},
                      {"folds_total", foldsTotal},
                      {"folds_compared", foldsCompared},
                      {"challenger_summary", challengerSummary.toJson()}};
  if (champion) {
    j["champion_summary"] = championSummary.toJson();
    j["diebold_mariano"] = dm.toJson();
  }
  j["backtest"] = both.toJson()["models"];
  return j;
}

}  // namespace foresight
