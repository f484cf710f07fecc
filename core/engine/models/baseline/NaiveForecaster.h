// naive: every forecast is the last observation (R's forecast::naive).
#pragma once

#include "engine/models/ModelFactory.h"
#include "engine/models/baseline/LagWalkForecaster.h"

namespace foresight {

class NaiveForecaster : public LagWalkForecaster {
 public:
  using LagWalkForecaster::LagWalkForecaster;
  std::string name() const override { return "naive"; }

 protected:
  int chooseLag(Eigen::Index) override { return 1; }
};

ModelInfo naiveModelInfo();

}  // namespace foresight
