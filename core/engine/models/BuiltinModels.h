// The list of built-in models the factory serves (one line per model area).
#pragma once

#include <vector>

#include "engine/models/ModelFactory.h"

namespace foresight {

std::vector<ModelInfo> builtinModels();

}  // namespace foresight
