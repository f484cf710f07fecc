#include "engine/models/baseline/NaiveForecaster.h"

namespace foresight {

ModelInfo naiveModelInfo() {
  return {"naive", "Random walk: repeats the last observation (R forecast::naive)", {},
          [](ModelConfig c) { return std::make_unique<NaiveForecaster>(std::move(c)); }};
}

}  // namespace foresight
