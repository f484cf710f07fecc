#include "engine/models/theta/ThetaForecaster.h"

#include <algorithm>  // std::max

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/PredictionIntervals.h"
#include "engine/models/theta/SesFit.h"

namespace foresight {

ThetaMethod ThetaForecaster::configuredMethod() const {
  return parseThetaMethod(config().getString("method")).value_or(ThetaMethod::Standard);
}

nlohmann::json ThetaForecaster::params() const {
  nlohmann::json p = {{"method", std::string(thetaMethodName(state_.method()))},
                      {"alpha", state_.alpha()},
                      {"level", state_.level()},
                      {"sigma2", state_.sigma2()},
                      {"seasonal", seasonal_.active()},
                      {"period", seasonal_.period()},
                      {"seasonal_indices", json_fields::toJson(seasonal_.figure())},
                      {"seasonality", seasonal_.reason()}};
  if (state_.method() == ThetaMethod::Standard) {
    p["drift"] = state_.drift();
  } else {
    p["intercept"] = state_.line().intercept;
    p["slope"] = state_.line().slope;
  }
  return p;
}

void ThetaForecaster::publishStatistics() {
  FitStatistics s;
  // The one-step error variance of the Theta forecast on the adjusted scale:
  // classic forecasts half of SES's line-2 forecast.
  s.sigma2 = state_.method() == ThetaMethod::Classic ? state_.sigma2() / 4 : state_.sigma2();
  s.nobs = static_cast<int>(state_.n());
  // alpha, initial level, slope, sigma2, and the free seasonal indices.
  s.nparams = 4 + (seasonal_.active() ? seasonal_.period() - 1 : 0);
  setStatistics(s);
}

void ThetaForecaster::fitImpl(const Eigen::VectorXd& y) {
  const ThetaMethod method = configuredMethod();
  const SeasonalMode mode = parseSeasonalMode(config().getString("seasonal")).value_or(SeasonalMode::Auto);
  // Each method keeps its reference's test: thetaf's for standard, M4's for classic.
  const SeasonalityRule rule = method == ThetaMethod::Standard ? SeasonalityRule::Thetaf : SeasonalityRule::M4;
  std::vector<std::string> notes;
  seasonal_ = SeasonalAdjustment::choose(y, seasonalPeriod(), mode, rule, notes);

  const Eigen::VectorXd x = seasonal_.adjust(y, 0);
  const ThetaLine line = ThetaLine::fit(x);
  // classic reproduces the published M4 benchmark, computed with forecast
  // 8.2, whose SES starts its alpha search at 0.5 instead of today's 0.2
  // (the two end apart on a few flat MSE surfaces).
  const std::string startName = config().getString("alpha_start");
  const EtsAlphaStart start =
      startName == "r8.2" || (startName == "auto" && method == ThetaMethod::Classic) ? EtsAlphaStart::Forecast82
                                                                                     : EtsAlphaStart::Current;
  const SesFit ses = SesFit::fit(ThetaState::sesInput(method, x, line), notes, start);
  state_ = ThetaState::make(method, line, y.size(), ses.alpha, ses.finalLevel, ses.sigma2);
  for (auto& n : notes) addWarning("theta: " + n);

  Eigen::VectorXd fitted(y.size());
  for (Eigen::Index t = 0; t < y.size(); ++t)
    fitted[t] = state_.fittedValue(ses.fitted[t], t + 1) * seasonal_.indexAt(t);
  setFitted(std::move(fitted));
  publishStatistics();
}

void ThetaForecaster::forecastImpl(int horizon, const std::vector<double>&, Forecast& out) const {
  const Eigen::VectorXd index = seasonal_.indices(state_.n(), horizon);
  const Eigen::VectorXd se = state_.standardErrors(horizon);
  if (state_.method() == ThetaMethod::Standard) {
    // thetaf puts the adjusted-scale errors around the reseasonalised mean.
    out.mean = state_.mean(horizon).cwiseProduct(index);
    setNormalIntervals(out, se);
    return;
  }
  // classic: the interval is formed on the adjusted scale and reseasonalised
  // with the mean; the M4 code sets negative forecasts to zero, and so every
  // bound (the data it was written for are positive).
  out.mean = state_.mean(horizon);
  setNormalIntervals(out, se);
  out.mean = out.mean.cwiseProduct(index).cwiseMax(0.0);
  for (Eigen::Index j = 0; j < out.lower.cols(); ++j) {
    out.lower.col(j) = out.lower.col(j).cwiseProduct(index).cwiseMax(0.0);
    out.upper.col(j) = out.upper.col(j).cwiseProduct(index).cwiseMax(0.0);
  }
}

void ThetaForecaster::updateImpl(const Eigen::VectorXd& newer) {
  for (Eigen::Index i = 0; i < newer.size(); ++i) state_.absorb(newer[i] / seasonal_.indexAt(state_.n()));
  publishStatistics();
}

nlohmann::json ThetaForecaster::saveStateImpl() const {
  return {{"theta", state_.toJson()}, {"seasonal", seasonal_.toJson()}};
}

void ThetaForecaster::loadStateImpl(const nlohmann::json& state) {
  ThetaState theta = json_fields::underPath("theta", [&] { return ThetaState::fromJson(json_fields::field(state, "theta")); });
  SeasonalAdjustment seasonal =
      json_fields::underPath("seasonal", [&] { return SeasonalAdjustment::fromJson(json_fields::field(state, "seasonal")); });
  if (theta.method() != configuredMethod())
    throw InputError(InputLocation{"", 0, "theta.method", std::string(thetaMethodName(theta.method()))},
                     "the state is of the " + std::string(thetaMethodName(theta.method())) +
                         " method but the spec asks for method=" + config().getString("method"));
  state_ = theta;
  seasonal_ = std::move(seasonal);
  publishStatistics();
}

ModelInfo thetaModelInfo() {
  return {"theta",
          "Theta method: SES with drift (R forecast::thetaf) or the M4 benchmark's classic Theta, "
          "with multiplicative deseasonalisation",
          {ParamSpec{"method", ParamType::Choice, "standard", {}, {}, {"standard", "classic"},
                     "standard: R's thetaf (SES with half the trend slope as drift); classic: the M4 "
                     "benchmark (SES on the theta-2 line averaged with the linear trend, negatives set to 0)"},
           ParamSpec{"seasonal", ParamType::Choice, "auto", {}, {}, {"auto", "multiplicative", "none"},
                     "auto: deseasonalise when the method's seasonality test (90%, lag-period ACF) says so; "
                     "multiplicative: always; none: never"},
           ParamSpec{"alpha_start", ParamType::Choice, "auto", {}, {}, {"auto", "r8.2", "current"},
                     "Where SES's alpha search starts: r8.2 = R forecast 8.2 (0.5, which produced the "
                     "published M4 figures), current = forecast 8.3 and later (0.2); auto: r8.2 for classic, "
                     "current for standard"},
           ParamSpec{"period", ParamType::Int, nullptr, 1.0, 10000.0, {},
                     "Seasonal period; auto = the frequency's usual period (D 7, W 52, M 12, Q 4, Y 1)"}},
          [](ModelConfig c) { return std::make_unique<ThetaForecaster>(std::move(c)); }};
}

}  // namespace foresight
