// The two searches of R's auto.arima over (p, q, P, Q, constant) with the
// differencing orders fixed: Hyndman & Khandakar's stepwise neighbourhood
// search (the default) and the exhaustive search over all orders with
// p + q + P + Q <= max order. With `approximation`, candidates are fitted by
// CSS and the best ones refitted by maximum likelihood, as R does.
#pragma once

#include <vector>

#include "engine/models/arima/ArimaCandidateFitter.h"

namespace foresight::arima {

struct ArimaSearchSpace {
  int maxP = 5, maxQ = 5, maxSeasonalP = 2, maxSeasonalQ = 2, maxOrder = 5;
  int startP = 2, startQ = 2, startSeasonalP = 1, startSeasonalQ = 1;
  bool allowDrift = true, allowMean = true;  // already restricted to d + D == 1 / 0
  bool approximation = false;
  int maxModels = 94;                        // stepwise only (R's nmodels)
};

struct ArimaSearchOutcome {
  ArimaCandidate best;                 // score infinite when nothing could be fitted
  std::vector<ArimaCandidate> tried;   // every candidate, in order, without its fit
  bool hitModelLimit = false;
};

ArimaSearchOutcome stepwiseSearch(const ArimaCandidateFitter& fitter, const ArimaSearchSpace& space, int period,
                                  Eigen::Index n);
ArimaSearchOutcome exhaustiveSearch(const ArimaCandidateFitter& fitter, const ArimaSearchSpace& space, int period);

}  // namespace foresight::arima
