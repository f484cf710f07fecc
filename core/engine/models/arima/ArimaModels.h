// The ARIMA family's entries for the model factory: arima and auto_arima.
#pragma once

#include <vector>

#include "engine/models/ModelFactory.h"

namespace foresight {

std::vector<ModelInfo> arimaModelInfos();

}  // namespace foresight
