#include "engine/models/arima/ArimaModels.h"

#include "engine/models/arima/ArimaForecaster.h"
#include "engine/models/arima/AutoArimaForecaster.h"

namespace foresight {

std::vector<ModelInfo> arimaModelInfos() { return {arimaModelInfo(), autoArimaModelInfo()}; }

}  // namespace foresight
