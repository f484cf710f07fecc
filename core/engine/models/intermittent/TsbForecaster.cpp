#include "engine/models/intermittent/TsbForecaster.h"

#include <limits>

#include "engine/models/JsonFields.h"
#include "engine/models/intermittent/DemandSeries.h"
#include "engine/models/intermittent/EmpiricalErrors.h"
#include "engine/models/optim/Brent.h"
#include "engine/models/optim/NelderMead.h"

namespace foresight {

void TsbForecaster::step(State& s, double y, double alphaD, double alphaP) {
  s.probability += alphaP * ((y > 0 ? 1.0 : 0.0) - s.probability);
  if (y <= 0) return;
  if (!s.seen) {
    s.size = y;
    s.seen = true;
  } else {
    s.size += alphaD * (y - s.size);
  }
}

double TsbForecaster::run(const Eigen::VectorXd& y, double alphaD, double alphaP, State& s, Eigen::VectorXd* fitted) {
  s = State{};
  s.probability = y[0] > 0 ? 1.0 : 0.0;
  if (y[0] > 0) {
    s.size = y[0];
    s.seen = true;
  }
  double sse = 0;
  for (Eigen::Index t = 1; t < y.size(); ++t) {
    const double f = s.rate();
    if (fitted) (*fitted)[t] = f;
    sse += (y[t] - f) * (y[t] - f);
    step(s, y[t], alphaD, alphaP);
  }
  return sse;
}

nlohmann::json TsbForecaster::params() const {
  return {{"alpha_d", alphaD_},        {"alpha_p", alphaP_}, {"probability", state_.probability},
          {"demand", state_.size},     {"rate", state_.rate()}};
}

void TsbForecaster::fitImpl(const Eigen::VectorXd& y) {
  intermittent::requireNonNegative("tsb", info().series, y, info().frequency, info().start);
  const bool autoD = config().isAuto("alpha_d"), autoP = config().isAuto("alpha_p");
  alphaD_ = autoD ? 0.1 : config().getDouble("alpha_d");
  alphaP_ = autoP ? 0.1 : config().getDouble("alpha_p");
  State scratch;
  auto inBox = [](double a) { return a >= 0 && a <= 1; };
  if (autoD && autoP) {
    const auto best = optim::NelderMead::minimize(
        [&](const double* a) {
          if (!inBox(a[0]) || !inBox(a[1])) return std::numeric_limits<double>::infinity();
          return run(y, a[0], a[1], scratch, nullptr);
        },
        {0.1, 0.1});
    alphaD_ = best.x[0];
    alphaP_ = best.x[1];
  } else if (autoD) {
    alphaD_ = optim::Brent::minimize([&](double a) { return run(y, a, alphaP_, scratch, nullptr); }, 0, 1).x;
  } else if (autoP) {
    alphaP_ = optim::Brent::minimize([&](double a) { return run(y, alphaD_, a, scratch, nullptr); }, 0, 1).x;
  }
  Eigen::VectorXd fitted = Eigen::VectorXd::Constant(y.size(), FitStatistics::kNaN);
  run(y, alphaD_, alphaP_, state_, &fitted);
  if (!state_.seen) addWarning("tsb: the series has no demand (all zero); the forecast is 0");
  setFitted(fitted);
  setStatistics(intermittent::errorStatistics(residuals(), (autoD ? 1 : 0) + (autoP ? 1 : 0)));
}

void TsbForecaster::forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const {
  intermittent::fillEmpiricalForecast(state_.rate(), residuals(), horizon, levels, out);
}

void TsbForecaster::updateImpl(const Eigen::VectorXd& newer) {
  intermittent::requireNonNegative("tsb", info().series, newer, info().frequency,
                                   advancePeriod(info().frequency, info().end, 1));
  for (Eigen::Index t = 0; t < newer.size(); ++t) step(state_, newer[t], alphaD_, alphaP_);
}

nlohmann::json TsbForecaster::saveStateImpl() const {
  return {{"alpha_d", alphaD_},
          {"alpha_p", alphaP_},
          {"probability", state_.probability},
          {"demand", state_.size},
          {"seen_demand", state_.seen}};
}

void TsbForecaster::loadStateImpl(const nlohmann::json& state) {
  const double alphaD = json_fields::number(state, "alpha_d");
  const double alphaP = json_fields::number(state, "alpha_p");
  const double probability = json_fields::number(state, "probability");
  const double size = json_fields::number(state, "demand");
  const bool seen = json_fields::boolean(state, "seen_demand");
  auto bad = [](const char* field, const char* problem) {
    return InputError(InputLocation{"", 0, field, ""}, problem);
  };
  if (!(alphaD >= 0 && alphaD <= 1)) throw bad("alpha_d", "must be within [0, 1]");
  if (!(alphaP >= 0 && alphaP <= 1)) throw bad("alpha_p", "must be within [0, 1]");
  // A probability is a weighted share of 0/1 indicators; a size an average of
  // positive demands.
  if (!(probability >= 0 && probability <= 1)) throw bad("probability", "must be within [0, 1]");
  if (seen && !(size > 0)) throw bad("demand", "must be positive");
  alphaD_ = alphaD;
  alphaP_ = alphaP;
  state_ = State{probability, seen ? size : 0.0, seen};
}

ModelInfo tsbModelInfo() {
  return {"tsb",
          "Teunter-Syntetos-Babai: demand probability smoothed every period, so ended products decay to 0; "
          "empirical intervals",
          {ParamSpec{"alpha_d", ParamType::Double, nullptr, 0.0, 1.0, {},
                     "Smoothing of the demand size (auto: least squares on the one-step errors)"},
           ParamSpec{"alpha_p", ParamType::Double, nullptr, 0.0, 1.0, {},
                     "Smoothing of the demand probability (auto: least squares on the one-step errors)"}},
          [](ModelConfig c) { return std::make_unique<TsbForecaster>(std::move(c)); }};
}

}  // namespace foresight
