// Fits and scores auto_arima's candidates as forecast's myarima() does:
// drift as a regressor when d + D = 1, CSS instead of ML when approximating
// (AIC then from the CSS variance and an offset), and an infinite score for
// a model R would not accept (fit error, a root within 1.01 of the unit
// circle; the variance check is left pending, see ArimaCandidate).
#pragma once

#include <Eigen/Core>

#include "engine/common/Cancellation.h"
#include "engine/models/arima/ArimaCandidate.h"
#include "engine/models/arima/ArimaEstimator.h"

namespace foresight::arima {

class ArimaCandidateFitter {
 public:
  // x: the (clean) series; d, D, period as decided for the search; offset:
  // the AIC offset of approximate (CSS) fits; cancel: checked before every
  // candidate, so that both searches stop between fits (CancelledError).
  ArimaCandidateFitter(const Eigen::VectorXd& x, int d, int D, int period, InformationCriterion ic, double offset,
                       const CancellationToken* cancel = nullptr);

  ArimaCandidate fit(int p, int q, int P, int Q, bool constant, bool approximation) const;

 private:
  Eigen::VectorXd x_;
  int d_, D_, period_;
  InformationCriterion ic_;
  double offset_;
  const CancellationToken* cancel_;
};

// The request myarima() sends to stats::arima for these orders.
ArimaRequest candidateRequest(const ArimaOrder& order, bool constant, ArimaMethod method, Eigen::Index n);

}  // namespace foresight::arima
