// The Theta family's entries for the model factory: theta and naive2.
#pragma once

#include <vector>

#include "engine/models/ModelFactory.h"

namespace foresight {

std::vector<ModelInfo> thetaModelInfos();

}  // namespace foresight
