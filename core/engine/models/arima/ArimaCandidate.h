// One candidate model of the auto_arima search, fitted and scored as
// forecast's myarima() does: drift as a regressor when d + D = 1, CSS
// instead of ML when approximating (AIC then from the CSS variance and an
// offset), and an infinite score for a model R would not accept (fit error,
// a root within 1.01 of the unit circle, a negative variance estimate).
#pragma once

#include <Eigen/Core>
#include <functional>
#include <limits>
#include <optional>

#include "engine/models/arima/ArimaEstimator.h"

namespace foresight::arima {

enum class InformationCriterion { Aicc, Aic, Bic };

struct ArimaCandidate {
  ArimaOrder order;
  bool constant = false;  // mean (d + D = 0) or drift (d + D = 1)
  double score = std::numeric_limits<double>::infinity();  // the chosen criterion
  std::optional<ArimaEstimate> fit;  // absent when the fit failed (or in a record)
  // R's checkarima needs the coefficient covariance (a numerical Hessian);
  // it is left pending until the candidate's place in the search depends on
  // it. check() settles it: an infinite score for a singular Hessian or a
  // negative variance. The score is final once `checked`.
  std::function<Eigen::MatrixXd()> variance;
  bool checked = true;

  void check();
  // The candidate without its fit (what the search keeps of every model).
  ArimaCandidate record() const;
};

class ArimaCandidateFitter {
 public:
  // x: the (clean) series; d, D, period as decided for the search; offset:
  // the AIC offset of approximate (CSS) fits.
  ArimaCandidateFitter(const Eigen::VectorXd& x, int d, int D, int period, InformationCriterion ic, double offset);

  ArimaCandidate fit(int p, int q, int P, int Q, bool constant, bool approximation) const;

 private:
  Eigen::VectorXd x_;
  int d_, D_, period_;
  InformationCriterion ic_;
  double offset_;
};

// The request myarima() sends to stats::arima for these orders.
ArimaRequest candidateRequest(const ArimaOrder& order, bool constant, ArimaMethod method, Eigen::Index n);

}  // namespace foresight::arima
