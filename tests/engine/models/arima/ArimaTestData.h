// Series the ARIMA tests compare with R: Adventure Works daily revenue built
// from the shared sales export exactly as bench/r/arima_reference.R builds
// it, M4 Weekly rows by id, the series R ships (stored in the reference
// JSON), and the reference JSON itself.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/common/TimeSeries.h"

namespace foresight::test {

// tests/engine/models/arima/arima_reference.json (made by R).
const nlohmann::json& arimaReference();

// The series the reference names ("aw_daily", "m4_w1", "air_passengers"...):
// M4 rows are weekly, others daily / monthly / quarterly / yearly after R's
// frequency; empty when shared data are missing.
TimeSeries arimaSeries(const std::string& key);
// R's frequency for that series (the seasonal period the tests ask for).
int arimaPeriod(const std::string& key);

}  // namespace foresight::test
