// What Foresight fits where R's procedure stops with an error (a
// non-stationary CSS start, no model passing auto.arima's checks, too little
// data for the differencing), so that a forecast is always produced: the
// differenced random walk ARIMA(0,d,0)(0,D,0)[m] with R's constant rules
// (mean when d + D = 0, drift when d + D = 1), else the sample mean as a
// fixed ARIMA(0,0,0) mean, which cannot fail.
#pragma once

#include <Eigen/Core>
#include <string>

#include "engine/models/arima/ArimaModel.h"

namespace foresight::arima {

// A usable fitted model: finite coefficients, variance and state.
bool isUsable(const ArimaModel& model);

// The first usable model of the chain for differencing orders d, D and
// period m; `description` names it ("ARIMA(0,1,0) with drift").
ArimaModel fallbackModel(const Eigen::VectorXd& y, int d, int D, int period, std::string& description);

}  // namespace foresight::arima
