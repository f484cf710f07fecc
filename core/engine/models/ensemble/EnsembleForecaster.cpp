#include "engine/models/ensemble/EnsembleForecaster.h"

#include <cmath>   // std::isfinite, std::fabs
#include <limits>  // quiet_NaN

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/ModelSpec.h"

namespace foresight {

EnsembleForecaster::EnsembleForecaster(ModelConfig config) : Forecaster(std::move(config)) {
  for (const auto& spec : ModelSpec::parseList(this->config().getString("members"), '+')) {
    const std::string text = spec.toString();
    try {
      (void)ModelFactory::create(spec);  // validates the member's name and parameters now
    } catch (const InputError& e) {
      throw InputError(InputLocation{"", 0, "members", text}, "ensemble member: " + e.problem());
    }
    specs_.push_back(text);
  }
  if (specs_.empty()) throw InputError(InputLocation{"", 0, "members", ""}, "an ensemble needs at least one member");
}

EnsembleCombine EnsembleForecaster::method() const {
  return parseEnsembleCombine(config().getString("combine")).value_or(EnsembleCombine::Mean);
}

void EnsembleForecaster::publishFit() {
  std::vector<Eigen::VectorXd> fitted;
  for (const auto& m : members_) fitted.push_back(m->fitted());
  Eigen::VectorXd f = EnsembleCombiner::combine(method(), weights_, fitted);
  const Eigen::VectorXd& y = trainingData();
  FitStatistics s;
  double sse = 0;
  for (Eigen::Index t = 0; t < f.size(); ++t)
    if (std::isfinite(f[t])) {
      sse += (y[t] - f[t]) * (y[t] - f[t]);
      ++s.nobs;
    }
  if (s.nobs > 0) s.sigma2 = sse / s.nobs;
  setFitted(std::move(f));
  setStatistics(s);
}

void EnsembleForecaster::fitImpl(const Eigen::VectorXd& y) {
  members_.clear();
  memberSpecs_.clear();
  dropped_.clear();
  const TimeSeries series{info().series, info().frequency, info().start, y};
  std::vector<Eigen::VectorXd> residuals;
  for (const auto& spec : specs_) {
    auto m = ModelFactory::create(spec);
    try {
      m->fit(series, cancellation());
      (void)m->forecast(1, {80});  // a member that cannot forecast is no member either
    } catch (const CancelledError&) {
      throw;  // stopping is not a member failure
    } catch (const std::exception& e) {
      dropped_.push_back({spec, e.what()});
      addWarning("ensemble: member " + spec + " dropped: " + e.what());
      continue;
    }
    for (const auto& w : m->warnings()) addWarning("ensemble member " + spec + ": " + w);
    residuals.push_back(m->residuals());
    memberSpecs_.push_back(spec);
    members_.push_back(std::move(m));
  }
  if (members_.empty()) {
    std::string why;
    for (const auto& d : dropped_) why += "; " + d.spec + ": " + d.reason;
    throw InputError("ensemble: no member could be fitted" + why);
  }
  weights_ = EnsembleCombiner::weights(method(), residuals);
  publishFit();
}

void EnsembleForecaster::forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const {
  const auto nl = static_cast<Eigen::Index>(levels.size());
  std::vector<Eigen::VectorXd> means;
  std::vector<std::vector<Eigen::VectorXd>> lower(levels.size()), upper(levels.size());
  const Eigen::VectorXd missing = Eigen::VectorXd::Constant(horizon, std::numeric_limits<double>::quiet_NaN());
  for (const auto& m : members_) {
    Forecast f;
    try {
      f = m->forecast(horizon, levels);
    } catch (const Error&) {
      // A member that cannot reach this horizon is left out of it.
      f.mean = missing;
      f.lower = f.upper = missing.replicate(1, nl);
    }
    means.push_back(f.mean);
    for (Eigen::Index j = 0; j < nl; ++j) {
      lower[static_cast<std::size_t>(j)].push_back(f.lower.col(j));
      upper[static_cast<std::size_t>(j)].push_back(f.upper.col(j));
    }
  }
  out.mean = EnsembleCombiner::combine(method(), weights_, means);
  for (Eigen::Index j = 0; j < nl; ++j) {
    out.lower.col(j) = EnsembleCombiner::combine(method(), weights_, lower[static_cast<std::size_t>(j)]);
    out.upper.col(j) = EnsembleCombiner::combine(method(), weights_, upper[static_cast<std::size_t>(j)]);
  }
}

void EnsembleForecaster::updateImpl(const Eigen::VectorXd& newer) {
  const TimeSeries next{info().series, info().frequency, advancePeriod(info().frequency, info().end, 1), newer};
  // All members or none: a member that refuses puts the others back.
  std::vector<nlohmann::json> states;
  std::vector<FitInfo> infos;
  for (const auto& m : members_) {
    states.push_back(m->saveState());
    infos.push_back(m->info());
  }
  try {
    for (const auto& m : members_) m->update(next);
  } catch (...) {
    for (std::size_t i = 0; i < members_.size(); ++i) members_[i]->loadState(states[i], infos[i]);
    throw;
  }
}

nlohmann::json EnsembleForecaster::params() const {
  nlohmann::json members = nlohmann::json::array(), dropped = nlohmann::json::array();
  for (std::size_t i = 0; i < members_.size(); ++i)
    members.push_back({{"spec", memberSpecs_[i]},
                       {"model", members_[i]->name()},
                       {"weight", weights_[static_cast<Eigen::Index>(i)]},
                       {"params", members_[i]->params()}});
  for (const auto& d : dropped_) dropped.push_back({{"spec", d.spec}, {"reason", d.reason}});
  return {{"combine", config().getString("combine")}, {"members", members}, {"dropped", dropped}};
}

nlohmann::json EnsembleForecaster::saveStateImpl() const {
  nlohmann::json members = nlohmann::json::array(), dropped = nlohmann::json::array();
  for (std::size_t i = 0; i < members_.size(); ++i)
    members.push_back({{"spec", memberSpecs_[i]},
                       {"weight", weights_[static_cast<Eigen::Index>(i)]},
                       {"state", members_[i]->saveState()}});
  for (const auto& d : dropped_) dropped.push_back({{"spec", d.spec}, {"reason", d.reason}});
  return {{"members", members}, {"dropped", dropped}};
}

void EnsembleForecaster::loadStateImpl(const nlohmann::json& state) {
  const auto& members = json_fields::field(state, "members");
  const auto& dropped = json_fields::field(state, "dropped");
  if (!members.is_array() || members.empty() || !dropped.is_array())
    throw InputError(InputLocation{"", 0, "members", ""}, "expected a non-empty array of members and an array of dropped ones");
  std::vector<std::unique_ptr<Forecaster>> loaded;
  std::vector<std::string> specs;
  std::vector<Dropped> gone;
  Eigen::VectorXd weights(static_cast<Eigen::Index>(members.size()));
  for (std::size_t i = 0; i < members.size(); ++i) {
    json_fields::underPath("members[" + std::to_string(i) + "]", [&] {
      specs.push_back(json_fields::string(members[i], "spec"));
      weights[static_cast<Eigen::Index>(i)] = json_fields::number(members[i], "weight");
      auto m = ModelFactory::create(specs.back());
      json_fields::underPath("state", [&] { m->loadState(json_fields::field(members[i], "state"), info()); });
      loaded.push_back(std::move(m));
    });
  }
  for (std::size_t i = 0; i < dropped.size(); ++i)
    json_fields::underPath("dropped[" + std::to_string(i) + "]", [&] {
      gone.push_back({json_fields::string(dropped[i], "spec"), json_fields::string(dropped[i], "reason")});
    });
  // Members and dropped members, in order, are the configured members.
  std::size_t a = 0, b = 0;
  for (const auto& spec : specs_) {
    if (a < specs.size() && specs[a] == spec) ++a;
    else if (b < gone.size() && gone[b].spec == spec) ++b;
    else throw InputError(InputLocation{"", 0, "members", spec}, "the state does not hold the configured member");
  }
  if (a != specs.size() || b != gone.size())
    throw InputError(InputLocation{"", 0, "members", ""}, "the state holds members the spec does not name");
  if ((weights.array() < 0).any() || std::fabs(weights.sum() - 1) > 1e-9)
    throw InputError(InputLocation{"", 0, "members", ""}, "member weights must be non-negative and sum to 1");
  members_ = std::move(loaded);
  memberSpecs_ = std::move(specs);
  dropped_ = std::move(gone);
  weights_ = std::move(weights);
}

ModelInfo ensembleModelInfo() {
  return {"ensemble",
          "Combination of models fitted on the same data: mean, median or inverse-error weights of their "
          "forecasts and interval bounds",
          {ParamSpec{"members", ParamType::ModelList, "ets+auto_arima+theta", {}, {}, {},
                     "The models, '+'-separated specs (each may have its own parameters)"},
           ParamSpec{"combine", ParamType::Choice, "mean", {}, {}, {"mean", "median", "inverse_error"},
                     "mean, median, or weights 1 / in-sample MSE; bounds are combined the same way"}},
          [](ModelConfig c) { return std::make_unique<EnsembleForecaster>(std::move(c)); }};
}

}  // namespace foresight
