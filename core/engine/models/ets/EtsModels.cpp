#include "engine/models/ets/EtsModels.h"

#include "engine/models/ets/EtsForecaster.h"

namespace foresight {

namespace {
ParamSpec smoothing(const std::string& name, const std::string& what) {
  return {name, ParamType::Double, nullptr, 0.0, 1.0, {}, "Smoothing weight of the " + what + "; auto = estimated"};
}
ParamSpec damping() {
  return {"phi", ParamType::Double, nullptr, 0.0, 1.0, {}, "Damping of the trend; auto = estimated in [0.8, 0.98]"};
}
ParamSpec period() {
  return {"period", ParamType::Int, nullptr, 1.0, 1000.0, {},
          "Seasonal period; auto = the frequency's (D 7, W 52, M 12, Q 4); above 24 no season (as R)"};
}

ModelInfo info(EtsVariant v, std::string summary, std::vector<ParamSpec> params) {
  return {EtsSettings::modelName(v), std::move(summary), std::move(params),
          [v](ModelConfig c) { return std::make_unique<EtsForecaster>(std::move(c), v); }};
}
}  // namespace

std::vector<ModelInfo> etsModelInfos() {
  std::vector<ModelInfo> models;
  models.push_back(info(
      EtsVariant::Ets, "Exponential smoothing state space model; automatic form by AICc (R forecast::ets)",
      {{"error", ParamType::Choice, nullptr, {}, {}, {"A", "M"}, "Error type: A additive, M multiplicative; auto = both"},
       {"trend", ParamType::Choice, nullptr, {}, {}, {"N", "A", "Ad"}, "Trend: N none, A additive, Ad damped; auto = all"},
       {"season", ParamType::Choice, nullptr, {}, {}, {"N", "A", "M"}, "Season: N none, A additive, M multiplicative; auto = all"},
       {"damped", ParamType::Bool, nullptr, {}, {}, {}, "Damp the trend; auto = try both (as R's damped = NULL)"},
       period(),
       smoothing("alpha", "level"),
       smoothing("beta", "trend"),
       smoothing("gamma", "season"),
       damping(),
       {"ic", ParamType::Choice, "aicc", {}, {}, {"aicc", "aic", "bic"}, "Criterion that selects the form"},
       {"additive_only", ParamType::Bool, false, {}, {}, {}, "Consider additive forms only"},
       {"opt_crit", ParamType::Choice, "lik", {}, {}, {"lik", "mse", "amse", "sigma", "mae"},
        "What estimation minimises (R's opt.crit)"},
       {"nmse", ParamType::Int, 3, 1.0, 30.0, {}, "Horizons averaged by opt_crit=amse"},
       {"bounds", ParamType::Choice, "both", {}, {}, {"both", "usual", "admissible"},
        "Parameter space: the usual box, the admissible region, or both"},
       {"maxit", ParamType::Int, 2000, 1.0, 100000.0, {}, "Nelder-Mead evaluation limit per form"}}));
  models.push_back(info(EtsVariant::Ses, "Simple exponential smoothing, ETS(A,N,N) by MSE (R forecast::ses)",
                        {smoothing("alpha", "level")}));
  models.push_back(info(EtsVariant::Holt, "Holt's linear trend, ETS(A,A,N) by MSE (R forecast::holt)",
                        {smoothing("alpha", "level"), smoothing("beta", "trend")}));
  models.push_back(info(EtsVariant::HoltDamped,
                        "Damped Holt's trend, ETS(A,Ad,N) by MSE (R forecast::holt, damped = TRUE)",
                        {smoothing("alpha", "level"), smoothing("beta", "trend"), damping()}));
  models.push_back(info(
      EtsVariant::HoltWinters,
      "Holt-Winters, ETS(A,A,A) or ETS(M,A,M) by MSE (R forecast::hw)",
      {{"seasonal", ParamType::Choice, "additive", {}, {}, {"additive", "multiplicative"}, "Seasonal component"},
       {"damped", ParamType::Bool, false, {}, {}, {}, "Damp the trend"},
       period(),
       smoothing("alpha", "level"),
       smoothing("beta", "trend"),
       smoothing("gamma", "season"),
       damping()}));
  return models;
}

}  // namespace foresight
