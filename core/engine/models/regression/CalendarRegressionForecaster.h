// calendar_regression: a Prophet-like additive (or log-scale) regression on
// time: a piecewise-linear trend with automatic, L1-regularised
// changepoints, Fourier seasons (weekly, yearly, one more of the user's),
// US holidays and user events. Forecasts are a function of the date;
// intervals simulate future trend changes and noise as Prophet does.
#pragma once

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/regression/CalendarRegressionModel.h"

namespace foresight {

class CalendarRegressionForecaster : public Forecaster {
 public:
  using Forecaster::Forecaster;
  std::string name() const override { return "calendar_regression"; }
  // Trend (slope, intercept, significant changepoints with their dates and
  // slope changes), seasons with amplitudes, holiday effects, residual sd.
  nlohmann::json params() const override;
  // The fitted state (valid once fitted or loaded).
  const CalendarRegressionModel& model() const { return model_; }
  // A seasonality's contribution in data units (multiplicative: as a
  // factor, e.g. 1.1 for +10%) at observations first .. first + count - 1.
  Eigen::VectorXd seasonalComponent(const std::string& name, Eigen::Index first, Eigen::Index count) const;

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  CalendarGrid grid() const { return {info().frequency, info().start}; }
  CalendarRegressionSettings settings() const;
  void publishStatistics();

  CalendarRegressionModel model_;
};

ModelInfo calendarRegressionModelInfo();

}  // namespace foresight
