#include "engine/models/ets/EtsForecaster.h"

#include <cmath>   // std::isfinite, std::isnan
#include <limits>  // infinity

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/PredictionIntervals.h"
#include "engine/models/ets/EtsFilter.h"
#include "engine/models/ets/EtsForecastDistribution.h"
#include "engine/models/ets/EtsParameterSpace.h"

namespace foresight {

namespace {
const char* originName(EtsOrigin o) {
  return o == EtsOrigin::Estimated ? "estimated" : o == EtsOrigin::Simple ? "simple" : "constant";
}

std::optional<EtsOrigin> parseOrigin(const std::string& s) {
  if (s == "estimated") return EtsOrigin::Estimated;
  if (s == "simple") return EtsOrigin::Simple;
  if (s == "constant") return EtsOrigin::Constant;
  return std::nullopt;
}

nlohmann::json finiteOrNull(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

std::vector<double> toStd(const Eigen::VectorXd& v) { return std::vector<double>(v.data(), v.data() + v.size()); }

InputError stateError(const std::string& field, const std::string& problem) {
  return InputError(InputLocation{"", 0, field, ""}, problem);
}
}  // namespace

void EtsForecaster::fitImpl(const Eigen::VectorXd& y) {
  const std::vector<double> data = toStd(y);
  const int period = seasonalPeriod();
  EtsSelectionResult result;
  try {
    EtsSettings::checkData(variant_, static_cast<int>(data.size()), period);
    EtsRequest request = EtsSettings::request(variant_, config());
    request.cancel = cancellation();
    result = EtsSelection::select(data, period, request);
  } catch (const InputError& e) {
    const std::string series = info().series.empty() ? "the series" : "series '" + info().series + "'";
    throw InputError(e.where(), name() + " on " + series + ": " + e.problem());
  }
  model_ = std::move(result.model);
  candidates_ = std::move(result.candidates);
  for (auto& w : result.warnings) addWarning(std::move(w));
  setFitted(Eigen::Map<const Eigen::VectorXd>(model_.fitted.data(), static_cast<Eigen::Index>(model_.fitted.size())));
  publishStatistics(static_cast<int>(data.size()));
}

void EtsForecaster::publishStatistics(int nobs) {
  FitStatistics s;
  s.logLikelihood = model_.logLik;
  s.aic = model_.aic;
  s.aicc = model_.aicc;
  s.bic = model_.bic;
  s.sigma2 = model_.sigma2;
  s.nobs = nobs;
  s.nparams = model_.nparams;
  setStatistics(s);
}

void EtsForecaster::forecastImpl(int horizon, const std::vector<double>&, Forecast& out) const {
  Eigen::VectorXd variance;
  EtsForecastDistribution::compute(model_, horizon, out.mean, variance);
  setNormalIntervals(out, variance.cwiseMax(0.0).cwiseSqrt());
}

void EtsForecaster::updateImpl(const Eigen::VectorXd& newer) {
  if (model_.form.usesMultiplication()) {
    for (Eigen::Index i = 0; i < newer.size(); ++i)
      if (!(newer[i] > 0))
        throw InputError(InputLocation{"", 0, "value", std::to_string(newer[i])},
                         name() + " " + model_.form.label() + " on " +
                             (info().series.empty() ? "the series" : "series '" + info().series + "'") + " at " +
                             advancePeriod(info().frequency, info().end, static_cast<int>(i + 1)).toIso() +
                             ": a multiplicative model needs positive values; refit with an additive form");
  }
  // Fitted values and residuals keep describing the training data (the
  // Forecaster contract); only the state moves on.
  EtsFilter filter(model_.form, model_.period);
  filter.setState(model_.finalState.data());
  filter.run(newer.data(), static_cast<int>(newer.size()), model_.params, 1, nullptr, nullptr);
  model_.finalState = filter.state();
}

nlohmann::json EtsForecaster::params() const {
  const EtsModel& m = model_;
  nlohmann::json p = {{"form", m.form.label()}, {"origin", originName(m.origin)}, {"alpha", m.params.alpha}};
  if (m.form.hasTrend()) p["beta"] = m.params.beta;
  if (m.form.hasSeason()) p["gamma"] = m.params.gamma;
  if (m.form.damped) p["phi"] = m.params.phi;
  nlohmann::json initial = nlohmann::json::object();
  std::size_t k = 0;
  initial["l"] = m.initialState.at(k++);
  if (m.form.hasTrend()) initial["b"] = m.initialState.at(k++);
  for (int j = 1; k < m.initialState.size(); ++j) initial["s" + std::to_string(j)] = m.initialState[k++];
  p["initial_state"] = initial;
  p["period"] = m.period;
  p["sigma2"] = finiteOrNull(m.sigma2);
  if (m.origin == EtsOrigin::Estimated) {
    p["evaluations"] = m.evaluations;
    p["converged"] = m.converged;
  }
  nlohmann::json tried = nlohmann::json::array();
  for (const auto& c : candidates_) {
    nlohmann::json entry = {{"form", c.form}, {"ic", finiteOrNull(c.ic)}};
    if (!c.failure.empty()) entry["failure"] = c.failure;
    tried.push_back(entry);
  }
  if (!tried.empty()) p["candidates"] = tried;
  return p;
}

nlohmann::json EtsForecaster::saveStateImpl() const {
  const EtsModel& m = model_;
  nlohmann::json tried = nlohmann::json::array();
  for (const auto& c : candidates_) tried.push_back({{"form", c.form}, {"ic", finiteOrNull(c.ic)}, {"failure", c.failure}});
  return {{"form", m.form.code()},
          {"candidates", tried},
          {"period", m.period},
          {"origin", originName(m.origin)},
          {"alpha", m.params.alpha},
          {"beta", m.params.beta},
          {"gamma", m.params.gamma},
          {"phi", m.params.phi},
          {"sigma2", m.sigma2},
          {"initial_state", m.initialState},
          {"state", m.finalState},
          {"loglik", finiteOrNull(m.logLik)},
          {"aic", finiteOrNull(m.aic)},
          {"aicc", finiteOrNull(m.aicc)},
          {"bic", finiteOrNull(m.bic)},
          {"nparams", m.nparams},
          {"evaluations", m.evaluations},
          {"converged", m.converged}};
}

void EtsForecaster::loadStateImpl(const nlohmann::json& state) {
  EtsModel m;
  const std::string formCode = json_fields::string(state, "form");
  const std::optional<EtsForm> form = EtsForm::parse(formCode);
  if (!form) throw stateError("form", "'" + formCode + "' is not an ETS form such as ANN or MAdM");
  m.form = *form;
  m.period = json_fields::integer(state, "period", 1, 1000);
  if (m.form.hasSeason() != (m.period > 1))
    throw stateError("period", "must be above 1 exactly when the form has a season");
  const auto origin = parseOrigin(json_fields::string(state, "origin"));
  if (!origin) throw stateError("origin", "is not estimated, simple or constant");
  m.origin = *origin;
  m.params = {json_fields::number(state, "alpha"), json_fields::number(state, "beta"),
              json_fields::number(state, "gamma"), json_fields::number(state, "phi")};
  if (!(m.params.alpha > 0)) throw stateError("alpha", "must be positive");
  // A hand-edited artifact must not forecast from parameters no fit could
  // give: each smoothing parameter the form has lies in [0, 1] (R's usual box
  // and HoltWinters' range, widened), or the set lies in the admissible region
  // of Hyndman et al. (2008), where ets(bounds = "admissible") may leave them.
  {
    const auto unit = [](double v) { return v >= 0 && v <= 1; };
    const bool inUnitBox = unit(m.params.alpha) && (!m.form.hasTrend() || unit(m.params.beta)) &&
                           (!m.form.hasSeason() || unit(m.params.gamma)) && (!m.form.damped || unit(m.params.phi));
    const EtsParameterSpace region(m.form, m.period, EtsBounds::Admissible, {0, 0, 0, 0}, {1, 1, 1, 1});
    if (!inUnitBox && !region.admissible(m.params))
      throw stateError("alpha", "the smoothing parameters (alpha " + std::to_string(m.params.alpha) + ", beta " +
                                    std::to_string(m.params.beta) + ", gamma " + std::to_string(m.params.gamma) +
                                    ", phi " + std::to_string(m.params.phi) + ") of " + m.form.label() +
                                    " lie outside [0, 1] and outside the admissible region: no fit gives them");
  }
  m.sigma2 = json_fields::number(state, "sigma2");
  if (m.sigma2 < 0) throw stateError("sigma2", "is negative");
  m.initialState = toStd(json_fields::finiteVector(state, "initial_state"));
  m.finalState = toStd(json_fields::finiteVector(state, "state"));
  const auto expected = static_cast<std::size_t>(EtsFilter(m.form, m.period).stateSize());
  if (m.finalState.size() != expected || m.initialState.size() != expected)
    throw stateError("state", "needs " + std::to_string(expected) + " values for " + m.form.label() + " with period " +
                                  std::to_string(m.period));
  m.logLik = json_fields::numberOrNaN(state, "loglik");
  m.aic = json_fields::numberOrNaN(state, "aic");
  m.aicc = json_fields::numberOrNaN(state, "aicc");
  m.bic = json_fields::numberOrNaN(state, "bic");
  m.lik = -2 * m.logLik;
  m.nparams = json_fields::integer(state, "nparams", 0, 1 << 20);
  m.evaluations = json_fields::integer(state, "evaluations", 0, 1 << 30);
  m.converged = json_fields::boolean(state, "converged");
  // Innovations follow from the data and the one-step forecasts the base restored.
  std::vector<EtsCandidate> candidates;
  const nlohmann::json& tried = json_fields::field(state, "candidates");
  if (!tried.is_array()) throw stateError("candidates", "expected an array");
  for (const auto& c : tried) {
    const std::string code = json_fields::string(c, "form");
    const double ic = json_fields::numberOrNaN(c, "ic");
    candidates.push_back({code, std::isnan(ic) ? std::numeric_limits<double>::infinity() : ic,
                          json_fields::string(c, "failure")});
  }
  const Eigen::VectorXd& f = fitted();
  const Eigen::VectorXd& y = trainingData();
  m.fitted = toStd(f);
  m.residuals.resize(m.fitted.size());
  for (std::size_t i = 0; i < m.fitted.size(); ++i) {
    const double e = y[static_cast<Eigen::Index>(i)] - m.fitted[i];
    m.residuals[i] = m.form.error == EtsError::Multiplicative ? e / m.fitted[i] : e;
  }
  model_ = std::move(m);
  candidates_ = std::move(candidates);
}

}  // namespace foresight
