// Every built-in model, one line each; model areas add their own lines.
#include "engine/models/BuiltinModels.h"

#include "engine/models/arima/ArimaModels.h"
#include "engine/models/baseline/DriftForecaster.h"
#include "engine/models/baseline/MeanForecaster.h"
#include "engine/models/baseline/MovingAverageForecaster.h"
#include "engine/models/baseline/NaiveForecaster.h"
#include "engine/models/baseline/SeasonalNaiveForecaster.h"
#include "engine/models/ensemble/EnsembleForecaster.h"
#include "engine/models/ets/EtsModels.h"
#include "engine/models/intermittent/AdidaForecaster.h"
#include "engine/models/intermittent/CrostonForecaster.h"
#include "engine/models/intermittent/ImapaForecaster.h"
#include "engine/models/intermittent/TsbForecaster.h"
#include "engine/models/mstl/MstlForecaster.h"
#include "engine/models/regression/CalendarRegressionForecaster.h"
#include "engine/models/theta/ThetaModels.h"

namespace foresight {

namespace {
[[maybe_unused]] void append(std::vector<ModelInfo>& to, std::vector<ModelInfo> more) {
  for (auto& m : more) to.push_back(std::move(m));
}
}  // namespace

std::vector<ModelInfo> builtinModels() {
  std::vector<ModelInfo> models;
  models.push_back(naiveModelInfo());
  models.push_back(seasonalNaiveModelInfo());
  models.push_back(driftModelInfo());
  models.push_back(meanModelInfo());
  models.push_back(movingAverageModelInfo());
  append(models, etsModelInfos());
  append(models, thetaModelInfos());
  append(models, arimaModelInfos());
  models.push_back(crostonModelInfo());
  models.push_back(tsbModelInfo());
  models.push_back(adidaModelInfo());
  models.push_back(imapaModelInfo());
  models.push_back(mstlModelInfo());
  models.push_back(calendarRegressionModelInfo());
  models.push_back(ensembleModelInfo());
  return models;
}

}  // namespace foresight
