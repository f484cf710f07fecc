#include "engine/models/arima/ArimaFamilyForecaster.h"

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/SeriesCleaning.h"
#include "engine/models/arima/ArimaFallback.h"
#include "engine/models/PredictionIntervals.h"

namespace foresight {

nlohmann::json ArimaFamilyForecaster::params() const { return model_.params(); }

void ArimaFamilyForecaster::adopt(arima::ArimaModel model, const Eigen::VectorXd& y) {
  model_ = std::move(model);
  setStatistics(model_.statistics());
  const Eigen::VectorXd& e = model_.residuals();
  Eigen::VectorXd fitted = Eigen::VectorXd::Constant(y.size(), FitStatistics::kNaN);
  if (e.size() == y.size()) fitted = y - e;  // R's fitted.Arima
  setFitted(std::move(fitted));
}

void ArimaFamilyForecaster::adoptFallback(const Eigen::VectorXd& y, int d, int D, int period, const std::string& why) {
  std::string used;
  arima::ArimaModel m = arima::fallbackModel(y, d, D, period, used);
  if (!arima::isUsable(m))
    throw InputError(InputLocation{"", 0, "value", ""},
                     "series '" + info().series + "': values of magnitude " + formatValue(y.cwiseAbs().maxCoeff()) +
                         " are too large for " + name() + " (their squared deviations overflow); rescale the data");
  addWarning(why + "; forecasting with " + used + " instead");
  adopt(std::move(m), y);
}

void ArimaFamilyForecaster::forecastImpl(int horizon, const std::vector<double>&, Forecast& out) const {
  Eigen::VectorXd se;
  model_.forecast(horizon, out.mean, se);
  setNormalIntervals(out, se);
}

void ArimaFamilyForecaster::updateImpl(const Eigen::VectorXd& newer) { model_.update(newer); }

nlohmann::json ArimaFamilyForecaster::saveStateImpl() const { return model_.toJson(); }

void ArimaFamilyForecaster::loadStateImpl(const nlohmann::json& state) {
  model_ = arima::ArimaModel::fromJson(state);
}

}  // namespace foresight
