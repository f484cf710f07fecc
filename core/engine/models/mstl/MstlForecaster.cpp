#include "engine/models/mstl/MstlForecaster.h"

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/mstl/MstlDecomposition.h"
#include "engine/models/mstl/MstlPeriods.h"

namespace foresight {

namespace {
nlohmann::json intArray(const std::vector<int>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (int x : v) a.push_back(x);
  return a;
}
}  // namespace

std::string MstlForecaster::adjustedSpec() const {
  if (config().getString("method") == "ets") return "ets(season=N)";
  if (!ModelFactory::lookup("auto_arima"))
    throw InputError(InputLocation{"", 0, "method", "arima"}, "mstl: method=arima needs the auto_arima model, "
                                                              "which this build does not have");
  return "auto_arima(seasonal=false)";
}

double MstlForecaster::seasonAt(Eigen::Index step) const {
  double s = 0;
  for (const auto& cycle : lastCycles_) s += cycle[(appended_ + step) % cycle.size()];
  return s;
}

void MstlForecaster::fitImpl(const Eigen::VectorXd& y) {
  std::vector<std::string> notes;
  periods_ = MstlPeriods::resolve(config().getString("periods"), info().frequency, y.size(), notes);
  for (auto& n : notes) addWarning(std::move(n));
  windows_.clear();
  lastCycles_.clear();
  appended_ = 0;
  Eigen::VectorXd adjusted = y, seasonal = Eigen::VectorXd::Zero(y.size());
  if (!periods_.empty()) {
    MstlOptions o;
    o.periods = periods_;
    if (!config().isAuto("s_window")) o.seasonalWindows = {config().getInt("s_window")};
    o.periodic = config().getBool("periodic");
    o.iterations = config().getInt("iterate");
    o.robust = config().getBool("robust");
    const MstlDecomposition d(y, o);
    periods_ = d.periods();
    windows_ = d.seasonalWindows();
    for (std::size_t i = 0; i < periods_.size(); ++i) {
      lastCycles_.push_back(d.seasonals()[i].tail(periods_[i]));
      seasonal += d.seasonals()[i];
    }
    adjusted = d.adjusted();
  }
  adjusted_ = ModelFactory::create(adjustedSpec());
  adjusted_->fit(TimeSeries{info().series, info().frequency, info().start, adjusted}, cancellation());
  for (const auto& w : adjusted_->warnings()) addWarning("mstl, seasonally adjusted series: " + w);
  // As forecast.stl(): the adjusted model's fit plus every season.
  setFitted(adjusted_->fitted() + seasonal);
  setStatistics(adjusted_->statistics());
}

void MstlForecaster::forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const {
  const Forecast inner = adjusted_->forecast(horizon, levels);
  Eigen::VectorXd season(horizon);
  for (Eigen::Index j = 0; j < season.size(); ++j) season[j] = seasonAt(j);
  out.mean = inner.mean + season;
  out.lower = inner.lower.colwise() + season;
  out.upper = inner.upper.colwise() + season;
}

void MstlForecaster::updateImpl(const Eigen::VectorXd& newer) {
  Eigen::VectorXd adjusted(newer.size());
  for (Eigen::Index i = 0; i < newer.size(); ++i) adjusted[i] = newer[i] - seasonAt(i);
  adjusted_->update(TimeSeries{info().series, info().frequency, advancePeriod(info().frequency, info().end, 1), adjusted});
  appended_ += newer.size();
  setStatistics(adjusted_->statistics());
}

nlohmann::json MstlForecaster::params() const {
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto& c : lastCycles_) ranges.push_back(c.maxCoeff() - c.minCoeff());
  return {{"periods", intArray(periods_)},
          {"s_windows", intArray(windows_)},
          {"seasonal_ranges", ranges},
          {"method", config().getString("method")},
          {"adjusted_model",
           {{"model", adjusted_->name()}, {"spec", adjusted_->specText()}, {"params", adjusted_->params()}}}};
}

nlohmann::json MstlForecaster::saveStateImpl() const {
  nlohmann::json seasons = nlohmann::json::array();
  for (std::size_t i = 0; i < periods_.size(); ++i)
    seasons.push_back(
        {{"period", periods_[i]}, {"s_window", windows_[i]}, {"last_cycle", json_fields::toJson(lastCycles_[i])}});
  return {{"seasons", seasons},
          {"appended", appended_},
          {"adjusted_model", {{"spec", adjusted_->specText()}, {"state", adjusted_->saveState()}}}};
}

void MstlForecaster::loadStateImpl(const nlohmann::json& state) {
  const auto& seasons = json_fields::field(state, "seasons");
  if (!seasons.is_array()) throw InputError(InputLocation{"", 0, "seasons", ""}, "expected an array");
  std::vector<int> p, w;
  std::vector<Eigen::VectorXd> c;
  for (std::size_t i = 0; i < seasons.size(); ++i) {
    json_fields::underPath("seasons[" + std::to_string(i) + "]", [&] {
      p.push_back(json_fields::integer(seasons[i], "period", 2, 1 << 20));
      w.push_back(json_fields::integer(seasons[i], "s_window", 1, 1 << 30));
      c.push_back(json_fields::finiteVector(seasons[i], "last_cycle"));
      if (c.back().size() != p.back())
        throw InputError(InputLocation{"", 0, "last_cycle", ""}, "holds " + std::to_string(c.back().size()) +
                                                                    " values for period " + std::to_string(p.back()));
    });
  }
  const int appended = json_fields::integer(state, "appended", 0, 1 << 30);
  const auto& inner = json_fields::field(state, "adjusted_model");
  const std::string spec = json_fields::underPath("adjusted_model", [&] { return json_fields::string(inner, "spec"); });
  if (spec != ModelFactory::create(adjustedSpec())->specText())
    throw InputError(InputLocation{"", 0, "adjusted_model.spec", spec},
                     "does not match the spec's method=" + config().getString("method"));
  auto model = ModelFactory::create(spec);
  json_fields::underPath("adjusted_model.state", [&] { model->loadState(json_fields::field(inner, "state"), info()); });
  periods_ = std::move(p);
  windows_ = std::move(w);
  lastCycles_ = std::move(c);
  appended_ = appended;
  adjusted_ = std::move(model);
  setStatistics(adjusted_->statistics());
}

ModelInfo mstlModelInfo() {
  return {"mstl",
          "Multiple seasonal decomposition by loess (R forecast::mstl) forecast as stlf: ETS or ARIMA on the "
          "seasonally adjusted series, seasonal naive seasons",
          {ParamSpec{"periods", ParamType::Choice, "auto", {}, {}, MstlPeriods::choices(),
                     "Seasonal periods, '+'-joined; auto = D 7 (+365 with two years of data), W 52, M 12, Q 4; "
                     "a period not below half the data is dropped"},
           ParamSpec{"method", ParamType::Choice, "ets", {}, {}, {"ets", "arima"},
                     "Model of the seasonally adjusted series: ets (non-seasonal, R's ZZN) or arima "
                     "(non-seasonal auto_arima)"},
           ParamSpec{"s_window", ParamType::Int, nullptr, 1.0, 1000000.0, {},
                     "STL seasonal window for every period; auto = mstl's 11, 15, 19 for the 1st, 2nd, 3rd period"},
           ParamSpec{"periodic", ParamType::Bool, false, {}, {}, {}, "Periodic seasons (STL s.window = \"periodic\")"},
           ParamSpec{"iterate", ParamType::Int, 2, 1.0, 20.0, {}, "Rounds over the periods (one period: one round)"},
           ParamSpec{"robust", ParamType::Bool, false, {}, {}, {}, "Robust STL fits (15 reweighting loops)"}},
          [](ModelConfig c) { return std::make_unique<MstlForecaster>(std::move(c)); }};
}

}  // namespace foresight
