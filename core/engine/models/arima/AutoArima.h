// Automatic ARIMA order selection as R's forecast::auto.arima (defaults):
// seasonal differences by the seasonal-strength test, ordinary differences
// by repeated KPSS tests, then the stepwise (or exhaustive) search over
// (p, q, P, Q, constant) by AICc, with CSS approximation on long or highly
// seasonal series and a maximum-likelihood refit of the winner.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/models/arima/ArimaCandidate.h"
#include "engine/models/arima/ArimaEstimator.h"

namespace foresight::arima {

struct AutoArimaOptions {
  int period = 1;                 // m; 1 = non-seasonal
  int d = -1, D = -1;             // -1 = decided by the tests
  int maxP = 5, maxQ = 5, maxSeasonalP = 2, maxSeasonalQ = 2, maxOrder = 5;
  int maxD = 2, maxSeasonalD = 1;
  int startP = 2, startQ = 2, startSeasonalP = 1, startSeasonalQ = 1;
  bool stationary = false;
  InformationCriterion ic = InformationCriterion::Aicc;
  bool stepwise = true;
  int maxModels = 94;
  int approximation = -1;         // -1 = automatic (n > 150 or m > 12), 0 = no, 1 = yes
  bool allowDrift = true, allowMean = true;
  const CancellationToken* cancel = nullptr;  // checked before every candidate of the search
};

struct AutoArimaResult {
  ArimaEstimate fit;
  int d = 0, D = 0;
  bool approximated = false;
  std::vector<ArimaCandidate> tried;  // the search's candidates and scores
  std::vector<std::string> notes;     // what R would warn about
};

// x: clean (finite) series. Throws ArimaFitError where R stops ("No
// suitable ARIMA model found", too little data after differencing).
AutoArimaResult autoArima(const Eigen::VectorXd& x, const AutoArimaOptions& options);

}  // namespace foresight::arima
