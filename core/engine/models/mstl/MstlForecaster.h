// mstl: R's forecast::mstl() decomposition forecast as forecast.mstl() /
// stlf() do: a non-seasonal ETS (default) or ARIMA on the seasonally
// adjusted series, each seasonal component continued by seasonal naive.
#pragma once

#include <memory>
#include <vector>

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"

namespace foresight {

class MstlForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "mstl"; }
  nlohmann::json params() const override;
  // The seasonal periods used (empty: the data were too short for any).
  const std::vector<int>& periods() const { return periods_; }
  // The model of the seasonally adjusted series (valid once fitted or loaded).
  const Forecaster& adjustedModel() const { return *adjusted_; }

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  // "ets(season=N)" or "auto_arima(seasonal=false)", as forecast.stl().
  std::string adjustedSpec() const;
  // Sum of the seasonal components `step` observations after the fitted data.
  double seasonAt(Eigen::Index step) const;

  std::vector<int> periods_;
  std::vector<int> windows_;
  // The last period of each seasonal component, oldest first: the seasonal
  // naive forecast repeats it.
  std::vector<Eigen::VectorXd> lastCycles_;
  Eigen::Index appended_ = 0;  // observations added by update() since the fit
  std::unique_ptr<Forecaster> adjusted_;
};

ModelInfo mstlModelInfo();

}  // namespace foresight
