// auto_arima: the ARIMA model R's forecast::auto.arima would choose (unit-root
// tests for the differences, Hyndman-Khandakar stepwise search by AICc, or
// the exhaustive search with stepwise = false), forecasts from the Kalman
// filter.
#pragma once

#include "engine/models/ModelFactory.h"
#include "engine/models/arima/ArimaFamilyForecaster.h"

namespace foresight {

class AutoArimaForecaster : public ArimaFamilyForecaster {
 public:
  using ArimaFamilyForecaster::ArimaFamilyForecaster;
  std::string name() const override { return "auto_arima"; }
  nlohmann::json params() const override;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  int modelsTried_ = 0;
};

ModelInfo autoArimaModelInfo();

}  // namespace foresight
