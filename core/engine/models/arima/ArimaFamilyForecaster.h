// What the arima and auto_arima models share once a model is chosen:
// forecasting through the Kalman filter with normal intervals, updating the
// filter with newer data, the learned parameters and their saved state.
#pragma once

#include "engine/models/Forecaster.h"
#include "engine/models/arima/ArimaModel.h"

namespace foresight {

class ArimaFamilyForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  nlohmann::json params() const override;
  const arima::ArimaModel& model() const { return model_; }

 protected:
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

  // Takes a fitted model: statistics, fitted values (y - residuals).
  void adopt(arima::ArimaModel model, const Eigen::VectorXd& y);
  // Adopts the fallback model (ArimaFallback) with a warning that starts
  // with `why`; InputError when even the mean overflows (values too large).
  void adoptFallback(const Eigen::VectorXd& y, int d, int D, int period, const std::string& why);

 private:
  arima::ArimaModel model_;
};

}  // namespace foresight
