// snaive: each forecast repeats the value one season earlier (R's
// forecast::snaive); falls back to naive on less than two seasons of data.
#pragma once

#include "engine/models/ModelFactory.h"
#include "engine/models/baseline/LagWalkForecaster.h"

namespace foresight {

class SeasonalNaiveForecaster : public LagWalkForecaster {
 public:
  using LagWalkForecaster::LagWalkForecaster;
  std::string name() const override { return "snaive"; }
  nlohmann::json params() const override;

 protected:
  int chooseLag(Eigen::Index n) override;
};

ModelInfo seasonalNaiveModelInfo();

}  // namespace foresight
