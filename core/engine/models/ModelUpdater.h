// Feeds newer actuals to fitted models without refitting (`foresight
// forecast --data`, scoring with history): matches series by name and puts
// the observations on each model's period grid.
#pragma once

#include <string>
#include <vector>

#include "engine/common/TimeSeries.h"
#include "engine/models/Forecaster.h"

namespace foresight {

class ModelUpdater {
 public:
  // Each series of `newer` updates the model fitted on the series of the
  // same name; with one model and one newer series the names need not match.
  // InputError naming `source` for a series no model knows, a date off the
  // model's calendar, or data that does not continue the model's data.
  // Models are updated in order; on an error the earlier ones keep their update.
  static void apply(const std::vector<Forecaster*>& models, const Panel& newer, const std::string& source);

  // The observed (non-missing) values of `observed` placed on the period grid
  // of the fitted data (its frequency and start); missing periods between
  // observations are NaN. Empty when nothing was observed.
  static TimeSeries onModelGrid(const TimeSeries& observed, const FitInfo& info, const std::string& source);
};

}  // namespace foresight
