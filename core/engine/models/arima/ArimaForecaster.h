// arima: ARIMA(p,d,q)(P,D,Q)[m] with the orders given, estimated as R's
// forecast::Arima / stats::arima (CSS-ML by default; mean when d + D = 0,
// optional drift when d + D <= 1), forecasts from the Kalman filter.
#pragma once

#include "engine/models/ModelFactory.h"
#include "engine/models/arima/ArimaFamilyForecaster.h"

namespace foresight {

class ArimaForecaster : public ArimaFamilyForecaster {
 public:
  using ArimaFamilyForecaster::ArimaFamilyForecaster;
  std::string name() const override { return "arima"; }

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
};

ModelInfo arimaModelInfo();

}  // namespace foresight
