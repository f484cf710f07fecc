// The ETS family's entries for the model factory: ets, ses, holt,
// holt_damped, holt_winters.
#pragma once

#include <vector>

#include "engine/models/ModelFactory.h"

namespace foresight {

std::vector<ModelInfo> etsModelInfos();

}  // namespace foresight
