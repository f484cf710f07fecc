#include "engine/models/theta/ThetaModels.h"

#include "engine/models/theta/Naive2Forecaster.h"
#include "engine/models/theta/ThetaForecaster.h"

namespace foresight {

std::vector<ModelInfo> thetaModelInfos() {
  std::vector<ModelInfo> models;
  models.push_back(thetaModelInfo());
  models.push_back(naive2ModelInfo());
  return models;
}

}  // namespace foresight
