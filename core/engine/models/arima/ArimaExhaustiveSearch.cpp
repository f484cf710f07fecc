#include <limits>  // infinity

#include "engine/models/arima/ArimaSearch.h"

namespace foresight::arima {

namespace {
ArimaSearchOutcome search(const ArimaCandidateFitter& fitter, const ArimaSearchSpace& s, int period, bool approximation) {
  ArimaSearchOutcome out;
  const int maxConstant = (s.allowDrift || s.allowMean) ? 1 : 0;
  const int maxSP = period > 1 ? s.maxSeasonalP : 0, maxSQ = period > 1 ? s.maxSeasonalQ : 0;
  for (int p = 0; p <= s.maxP; ++p)
    for (int q = 0; q <= s.maxQ; ++q)
      for (int P = 0; P <= maxSP; ++P)
        for (int Q = 0; Q <= maxSQ; ++Q) {
          if (p + q + P + Q > s.maxOrder) continue;
          for (int k = 0; k <= maxConstant; ++k) {
            ArimaCandidate c = fitter.fit(p, q, P, Q, k == 1, approximation);
            // The variance check only matters for a candidate that would win.
            const bool better = c.score < out.best.score && (c.check(), c.score < out.best.score);
            out.tried.push_back(c.record());
            if (better) out.best = std::move(c);
          }
        }
  return out;
}

bool finite(const ArimaCandidate& c) { return c.score < std::numeric_limits<double>::infinity(); }
}  // namespace

// R's search.arima: the best approximate model is refitted by maximum
// likelihood; when that fails, the whole search is repeated without the
// approximation.
ArimaSearchOutcome exhaustiveSearch(const ArimaCandidateFitter& fitter, const ArimaSearchSpace& space, int period) {
  ArimaSearchOutcome out = search(fitter, space, period, space.approximation);
  if (!space.approximation || !finite(out.best)) return out;
  const ArimaCandidate& b = out.best;
  ArimaCandidate refit = fitter.fit(b.order.p, b.order.q, b.order.P, b.order.Q, b.constant, false);
  refit.check();
  if (finite(refit)) {
    out.best = std::move(refit);
    return out;
  }
  ArimaSearchOutcome full = search(fitter, space, period, false);
  full.tried.insert(full.tried.begin(), out.tried.begin(), out.tried.end());
  return full;
}

}  // namespace foresight::arima
