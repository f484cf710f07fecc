#include "engine/models/regression/CalendarRegressionForecaster.h"

#include <cmath>  // std::ceil, std::exp, std::fabs

#include "engine/common/Errors.h"
#include "engine/models/SeriesCleaning.h"
#include "engine/models/regression/TrendUncertainty.h"

namespace foresight {

namespace {
// Prophet marks changepoints with |delta| >= 0.01 (scaled units) in plots.
constexpr double kSignificantDelta = 0.01;
}  // namespace

CalendarRegressionSettings CalendarRegressionForecaster::settings() const {
  const ModelConfig& c = config();
  CalendarRegressionSettings s;
  s.multiplicative = c.getString("mode") == "multiplicative";
  s.changepoints = c.getInt("n_changepoints");
  s.changepointRange = c.getDouble("changepoint_range");
  s.changepointPriorScale = c.getDouble("changepoint_prior_scale");
  if (!c.isAuto("weekly_order")) s.weeklyOrder = c.getInt("weekly_order");
  if (!c.isAuto("yearly_order")) s.yearlyOrder = c.getInt("yearly_order");
  if (!c.isAuto("extra_period")) s.extraPeriod = c.getDouble("extra_period");
  s.extraOrder = c.getInt("extra_order");
  s.seasonalityPriorScale = c.getDouble("seasonality_prior_scale");
  s.usHolidays = c.getString("holidays") == "us";
  s.holidayWindow = c.getInt("holiday_window");
  s.holidaysPriorScale = c.getDouble("holidays_prior_scale");
  if (!c.isAuto("events")) s.eventsFile = c.getString("events");
  return s;
}

void CalendarRegressionForecaster::publishStatistics() {
  FitStatistics s;
  const double sd = model_.sigma() * model_.scale();
  s.sigma2 = sd * sd;
  s.nobs = model_.observations();
  s.nparams = static_cast<int>(model_.coefficients().size()) + 1;
  setStatistics(s);
}

void CalendarRegressionForecaster::fitImpl(const Eigen::VectorXd& y) {
  std::vector<std::string> notes;
  model_ = CalendarRegressionModel::fit(y, grid(), settings(), notes);
  for (auto& n : notes) addWarning(std::move(n));
  setFitted(model_.toData(model_.scaledMean(grid(), 0, y.size())));
  publishStatistics();
}

void CalendarRegressionForecaster::forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const {
  const Eigen::VectorXd mean = model_.scaledMean(grid(), trainingData().size(), horizon);
  std::vector<double> probabilities;
  for (double l : levels) {
    probabilities.push_back((1 - l / 100) / 2);
    probabilities.push_back(1 - (1 - l / 100) / 2);
  }
  TrendUncertaintySettings u;
  u.samples = config().getInt("interval_samples");
  u.seed = static_cast<std::uint64_t>(config().getInt("seed"));
  const Eigen::VectorXd deltas = model_.deltas();
  const double scale = model_.trend().timeScale();
  if (deltas.size() > 0) {
    // Prophet: as many changes per unit of scaled time as candidates in the
    // history, Laplace with the mean fitted |delta|; here per period.
    u.changepointRate = static_cast<double>(deltas.size()) / scale;
    u.laplaceScale = (deltas.cwiseAbs().mean() + 1e-8) / scale;
  }
  u.sigma = model_.sigma();
  const Eigen::MatrixXd q = TrendUncertainty::deviationQuantiles(horizon, probabilities, u);
  out.mean = model_.toData(mean);
  for (Eigen::Index j = 0; j < out.lower.cols(); ++j) {
    out.lower.col(j) = model_.toData(mean + q.col(2 * j));
    out.upper.col(j) = model_.toData(mean + q.col(2 * j + 1));
  }
}

void CalendarRegressionForecaster::updateImpl(const Eigen::VectorXd& newer) {
  if (model_.multiplicative())
    for (Eigen::Index i = 0; i < newer.size(); ++i)
      if (!(newer[i] > 0))
        throw InputError(InputLocation{"", 0, "", formatValue(newer[i])},
                         "newer value at " +
                             advancePeriod(info().frequency, info().end, static_cast<int>(i + 1)).toIso() +
                             ": calendar_regression fitted with mode=multiplicative takes positive values only");
  // Coefficients stay; the newer residuals join the residual scale.
  model_.absorbResiduals(model_.toModel(newer) - model_.scaledMean(grid(), trainingData().size(), newer.size()));
  publishStatistics();
}

Eigen::VectorXd CalendarRegressionForecaster::seasonalComponent(const std::string& name, Eigen::Index first,
                                                                Eigen::Index count) const {
  const auto& seasons = model_.seasonalities();
  for (std::size_t i = 0; i < seasons.size(); ++i) {
    if (seasons[i].name() != name) continue;
    const Eigen::ArrayXd c = model_.seasonalComponent(i, first, count).array() * model_.scale();
    return model_.multiplicative() ? Eigen::VectorXd(c.exp()) : Eigen::VectorXd(c);
  }
  throw InputError(InputLocation{"", 0, "seasonality", name}, "calendar_regression has no such seasonality");
}

nlohmann::json CalendarRegressionForecaster::params() const {
  const auto& beta = model_.coefficients();
  const auto& trend = model_.trend();
  const double perPeriod = model_.scale() / trend.timeScale();  // data (log) units per period, per scaled unit
  const Eigen::VectorXd deltas = model_.deltas();
  const auto level = [&](Eigen::Index t) {
    return model_.toData(trend.features(t, 1) * beta.head(trend.columns()))[0];
  };
  nlohmann::json changepoints = nlohmann::json::array();
  for (std::size_t j = 0; j < trend.changepoints().size(); ++j) {
    const double d = deltas[static_cast<Eigen::Index>(j)];
    if (std::fabs(d) < kSignificantDelta) continue;
    changepoints.push_back({{"date", advancePeriod(info().frequency, info().start,
                                                   static_cast<int>(trend.changepoints()[j])).toIso()},
                            {"delta", d * perPeriod}});
  }
  const auto effect = [&](double modelUnits) {
    return model_.multiplicative() ? std::exp(modelUnits * model_.scale()) - 1 : modelUnits * model_.scale();
  };
  nlohmann::json seasons = nlohmann::json::array();
  for (std::size_t i = 0; i < model_.seasonalities().size(); ++i) {
    const auto& s = model_.seasonalities()[i];
    const Eigen::VectorXd cycle = model_.seasonalComponent(i, 0, static_cast<Eigen::Index>(std::ceil(s.period())));
    seasons.push_back({{"name", s.name()}, {"period", s.period()}, {"order", s.order()},
                       {"amplitude", effect(cycle.maxCoeff() - cycle.minCoeff())}});
  }
  nlohmann::json holidays = nlohmann::json::array();
  const Eigen::Index firstHoliday = beta.size() - model_.holidays().columns();
  for (std::size_t i = 0; i < model_.holidays().features().size(); ++i) {
    const auto& h = model_.holidays().features()[i];
    holidays.push_back({{"name", h.name}, {"offset", h.offset},
                        {"effect", effect(beta[firstHoliday + static_cast<Eigen::Index>(i)])}});
  }
  const double sd = model_.sigma() * model_.scale();
  return {{"mode", model_.multiplicative() ? "multiplicative" : "additive"},
          {"trend_start", level(0)},
          {"trend_end", level(trainingData().size() - 1)},
          {"slope", beta[1] * perPeriod},
          {"final_slope", (beta[1] + deltas.sum()) * perPeriod},
          {"candidate_changepoints", trend.changepoints().size()},
          {"changepoints", changepoints},
          {"seasonalities", seasons},
          {"holidays", holidays},
          {"sigma", sd}};
}

nlohmann::json CalendarRegressionForecaster::saveStateImpl() const { return model_.toJson(); }

void CalendarRegressionForecaster::loadStateImpl(const nlohmann::json& state) {
  CalendarRegressionModel m = CalendarRegressionModel::fromJson(state);
  if (m.observations() != info().n)
    throw InputError(InputLocation{"", 0, "count", std::to_string(m.observations())},
                     "the residual scale covers a different number of observations than the data (" +
                         std::to_string(info().n) + ")");
  model_ = std::move(m);
  publishStatistics();
}

ModelInfo calendarRegressionModelInfo() {
  using P = ParamSpec;
  const auto scalePrior = [](const char* name, double def, const char* what) {
    return P{name, ParamType::Double, def, 1e-4, 1e4, {}, what};
  };
  return {"calendar_regression",
          "Prophet-like regression on the calendar: piecewise-linear trend with automatic changepoints, Fourier "
          "seasons, US holidays and user events; simulated intervals",
          {P{"mode", ParamType::Choice, "additive", {}, {}, {"additive", "multiplicative"},
             "additive, or multiplicative (fitted on the log of positive data)"},
           P{"n_changepoints", ParamType::Int, 25, 0.0, 500.0, {}, "Candidate trend changepoints"},
           P{"changepoint_range", ParamType::Double, 0.8, 0.1, 1.0, {},
             "Share of the history (from its start) the candidates are spread over"},
           // 1.0 (Prophet: 0.05) was chosen on Adventure Works daily revenue by
           // backtests on the folds before the evaluation folds (docs/evaluation.md).
           scalePrior("changepoint_prior_scale", 1.0,
                      "Laplace prior scale of slope changes (larger: a more flexible trend; Prophet's default is 0.05)"),
           P{"weekly_order", ParamType::Int, nullptr, 0.0, 50.0, {},
             "Fourier order of the weekly season; auto = 3 for daily data with two weeks; 0 = none"},
           P{"yearly_order", ParamType::Int, nullptr, 0.0, 200.0, {},
             "Fourier order of the yearly season; auto = 10 with two years of data; 0 = none"},
           P{"extra_period", ParamType::Double, nullptr, 2.0, 100000.0, {},
             "Period of one more season, in the data's periods (e.g. 30.4375 days); auto = none"},
           P{"extra_order", ParamType::Int, 5, 1.0, 200.0, {}, "Fourier order of the extra season"},
           scalePrior("seasonality_prior_scale", 10.0, "Normal prior sd of the Fourier coefficients"),
           P{"holidays", ParamType::Choice, "us", {}, {}, {"us", "none"},
             "Built-in holidays: us (federal holidays, Black Friday, Christmas and New Year's Eve) or none"},
           P{"holiday_window", ParamType::Int, 0, 0.0, 7.0, {},
             "Days before and after each holiday or event with an effect of their own (daily data)"},
           scalePrior("holidays_prior_scale", 10.0, "Normal prior sd of the holiday and event effects"),
           P{"events", ParamType::Path, nullptr, {}, {}, {},
             "CSV of date,name rows with your own events (past and planned); auto = none"},
           P{"interval_samples", ParamType::Int, 1000, 100.0, 100000.0, {}, "Simulated paths behind the intervals"},
           P{"seed", ParamType::Int, 0, 0.0, 2147483647.0, {}, "Seed of the interval simulation"}},
          [](ModelConfig c) { return std::make_unique<CalendarRegressionForecaster>(std::move(c)); }};
}

}  // namespace foresight
