// `foresight monitor`: checks a registered champion against newer actuals.
// Performance: the champion forecasts the newer actuals block by block (its
// backtest horizon at a time, fed each block before the next, no refit) and
// its MASE over the recent window is compared with its registered backtest
// MASE. Data: level and volatility shift tests on the recent window against
// the window before it. Any alert is a reason in words.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "registry/ModelRegistry.h"

namespace foresight::pipeline {

struct MonitorOptions {
  int window = 0;                 // recent periods; 0: 4 x the backtest horizon (at least 28)
  double maxMaseRatio = 1.5;      // alert when recent MASE > this x the backtest MASE
  double alpha = 0.01;            // alert when a shift test's p-value is below this
  const CancellationToken* cancel = nullptr;  // checked before each series
};

struct MonitorReport {
  bool alert = false;
  std::vector<std::string> reasons;  // why it alerted (empty when not)
  nlohmann::json json;               // everything, for --json and CI artifacts
};

class ChampionMonitor {
 public:
  // `reference` names the model (NAME, NAME@ALIAS or NAME/VERSION; NAME means
  // its champion). InputError naming `source` when the data does not fit the model.
  static MonitorReport run(registry::ModelRegistry& registry, const std::string& reference, const Panel& data,
                           const std::string& source, const MonitorOptions& options);
};

}  // namespace foresight::pipeline
