#include "engine/models/arima/AutoArimaForecaster.h"

#include "engine/models/JsonFields.h"
#include "engine/models/arima/ArimaFallback.h"
#include "engine/models/arima/ArimaFitError.h"
#include "engine/models/arima/AutoArima.h"

namespace foresight {

namespace {
int intOr(const ModelConfig& c, const char* name, int automatic) {
  return c.isAuto(name) ? automatic : c.getInt(name);
}

arima::AutoArimaOptions optionsFrom(const ModelConfig& c, int period) {
  arima::AutoArimaOptions o;
  o.period = c.getBool("seasonal") ? period : 1;
  o.d = intOr(c, "d", -1);
  o.D = intOr(c, "D", -1);
  o.maxP = c.getInt("max_p");
  o.maxQ = c.getInt("max_q");
  o.maxSeasonalP = c.getInt("max_P");
  o.maxSeasonalQ = c.getInt("max_Q");
  o.maxOrder = c.getInt("max_order");
  o.maxD = c.getInt("max_d");
  o.maxSeasonalD = c.getInt("max_D");
  o.stepwise = c.getBool("stepwise");
  o.approximation = c.isAuto("approximation") ? -1 : (c.getBool("approximation") ? 1 : 0);
  const std::string ic = c.getString("ic");
  o.ic = ic == "aic" ? arima::InformationCriterion::Aic
         : ic == "bic" ? arima::InformationCriterion::Bic
                       : arima::InformationCriterion::Aicc;
  o.allowDrift = c.getBool("allow_drift");
  o.allowMean = c.getBool("allow_mean");
  return o;
}
}  // namespace

void AutoArimaForecaster::fitImpl(const Eigen::VectorXd& y) {
  arima::AutoArimaOptions o = optionsFrom(config(), seasonalPeriod());
  o.cancel = cancellation();
  const auto n = static_cast<int>(y.size());
  std::string problem;
  try {
    arima::AutoArimaResult r = arima::autoArima(y, o);
    arima::ArimaModel m = arima::ArimaModel::fromEstimate(r.fit, n);
    if (arima::isUsable(m)) {
      for (const auto& note : r.notes) addWarning("auto_arima: " + note);
      modelsTried_ = static_cast<int>(r.tried.size());
      adopt(std::move(m), y);
      return;
    }
    problem = "the chosen " + m.label() + " gave a non-finite fit";
  } catch (const arima::ArimaFitError& e) {
    problem = std::string(e.what()) + " (R stops here)";
  }
  modelsTried_ = 0;
  adoptFallback(y, n > 2 ? 1 : 0, 0, std::max(1, o.period), "auto_arima: " + problem);
}

nlohmann::json AutoArimaForecaster::params() const {
  nlohmann::json p = ArimaFamilyForecaster::params();
  p["models_tried"] = modelsTried_;
  return p;
}

nlohmann::json AutoArimaForecaster::saveStateImpl() const {
  nlohmann::json s = ArimaFamilyForecaster::saveStateImpl();
  s["models_tried"] = modelsTried_;
  return s;
}

void AutoArimaForecaster::loadStateImpl(const nlohmann::json& state) {
  const int tried = json_fields::integer(state, "models_tried", 0, 1 << 20);
  ArimaFamilyForecaster::loadStateImpl(state);
  modelsTried_ = tried;
}

ModelInfo autoArimaModelInfo() {
  auto integer = [](const char* name, nlohmann::json def, double max, const char* what) {
    return ParamSpec{name, ParamType::Int, std::move(def), 0.0, max, {}, what};
  };
  auto flag = [](const char* name, nlohmann::json def, const char* what) {
    return ParamSpec{name, ParamType::Bool, std::move(def), {}, {}, {}, what};
  };
  return {"auto_arima",
          "ARIMA with orders chosen as R's auto.arima (KPSS/seasonal-strength differencing, stepwise AICc search)",
          {ParamSpec{"period", ParamType::Int, nullptr, 1.0, 1000.0, {},
                     "Seasonal period m; auto = the frequency's usual period (D 7, W 52, M 12, Q 4, Y 1)"},
           flag("seasonal", true, "Consider seasonal models (false = non-seasonal search, m = 1)"),
           integer("d", nullptr, 3, "Non-seasonal differences; auto = repeated KPSS tests (alpha 0.05)"),
           integer("D", nullptr, 2, "Seasonal differences; auto = seasonal strength > 0.64"),
           integer("max_p", 5, 30, "Largest non-seasonal AR order"),
           integer("max_q", 5, 30, "Largest non-seasonal MA order"),
           integer("max_P", 2, 10, "Largest seasonal AR order"),
           integer("max_Q", 2, 10, "Largest seasonal MA order"),
           integer("max_order", 5, 60, "Largest p + q + P + Q (exhaustive search only)"),
           integer("max_d", 2, 3, "Most non-seasonal differences the tests may choose"),
           integer("max_D", 1, 2, "Most seasonal differences the tests may choose"),
           flag("stepwise", true, "Stepwise search (false = every order up to max_order)"),
           flag("approximation", nullptr,
                "Search with CSS fits, refit the best by ML; auto = when n > 150 or m > 12 (as R)"),
           ParamSpec{"ic", ParamType::Choice, "aicc", {}, {}, {"aicc", "aic", "bic"}, "Criterion the search minimises"},
           flag("allow_drift", true, "Allow a drift when d + D = 1"),
           flag("allow_mean", true, "Allow a mean when d + D = 0")},
          [](ModelConfig cfg) { return std::make_unique<AutoArimaForecaster>(std::move(cfg)); }};
}

}  // namespace foresight
