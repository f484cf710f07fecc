// Fits one model spec on every series of a panel, in parallel: a failing
// series is reported and the others still fit; results do not depend on the
// number of threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/models/Forecaster.h"
#include "engine/models/ModelSpec.h"

namespace foresight {

struct PanelFitOptions {
  int threads = 0;                            // 0 = std::thread::hardware_concurrency()
  ProgressSink progress;                      // called after each series (serialised)
  const CancellationToken* cancel = nullptr;  // checked before each series and inside its fit
};

struct PanelFitFailure {
  std::string series;
  std::string message;
};

struct PanelFitResult {
  // One slot per series, in panel order; null where fitting failed.
  std::vector<std::unique_ptr<Forecaster>> models;
  std::vector<PanelFitFailure> failures;  // in panel order
  // The fitted models, in panel order.
  std::vector<const Forecaster*> fitted() const;
};

class PanelFitter {
 public:
  // Validates the spec now (InputError), so a bad spec fails once, not per series.
  explicit PanelFitter(ModelSpec spec, PanelFitOptions options = {});
  // Throws CancelledError when the token was set; fitted series are lost then.
  PanelFitResult fit(const Panel& panel) const;

 private:
  ModelSpec spec_;
  PanelFitOptions options_;
};

}  // namespace foresight
