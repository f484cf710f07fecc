#include "engine/models/arima/ArimaCandidateFitter.h"

#include <algorithm>  // std::min
#include <cmath>      // std::abs, std::log, std::isnan
#include <limits>     // infinity

#include "engine/models/arima/ArimaFitError.h"
#include "engine/models/arima/Polyroot.h"

namespace foresight::arima {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

// Smallest root modulus of 1 + sign * (c1 z + c2 z^2 + ...), ignoring
// coefficients below 1e-8 at the end (forecast's myarima).
double minRoot(const std::vector<double>& coef, double sign) {
  std::size_t last = 0;
  for (std::size_t i = 0; i < coef.size(); ++i)
    if (std::abs(coef[i]) > 1e-8) last = i + 1;
  if (last == 0) return kInf;
  std::vector<double> c(last + 1);
  for (std::size_t i = 0; i <= last; ++i) c[i] = i == 0 ? 1.0 : sign * coef[i - 1];
  return smallestRootModulus(c);
}
}  // namespace

ArimaRequest candidateRequest(const ArimaOrder& order, bool constant, ArimaMethod method, Eigen::Index n) {
  ArimaRequest req;
  req.order = order;
  req.method = method;
  if (order.differences() == 1 && constant) {
    req.xreg = Eigen::VectorXd::LinSpaced(n, 1.0, static_cast<double>(n));
    req.xregNames = {"drift"};
  } else {
    req.includeMean = constant;
  }
  return req;
}

ArimaCandidateFitter::ArimaCandidateFitter(const Eigen::VectorXd& x, int d, int D, int period,
                                           InformationCriterion ic, double offset,
                                           const CancellationToken* cancel)
    : x_(x), d_(d), D_(D), period_(period), ic_(ic), offset_(offset), cancel_(cancel) {}

// The variance check is left pending (see ArimaCandidate::check).
ArimaCandidate ArimaCandidateFitter::fit(int p, int q, int P, int Q, bool constant, bool approximation) const {
  if (cancel_) cancel_->throwIfCancelled();
  ArimaCandidate c;
  c.order = ArimaOrder{p, d_, q, P, D_, Q, period_};
  c.constant = constant;
  const ArimaMethod method = approximation ? ArimaMethod::Css : ArimaMethod::CssMl;
  ArimaEstimate est;
  try {
    ArimaRequest req = candidateRequest(c.order, constant, method, x_.size());
    req.deferVariance = true;
    req.cancel = cancel_;
    est = estimateArima(x_, req);
  } catch (const ArimaFitError&) {
    return c;  // R: try-error -> ic = Inf
  }
  const double n = static_cast<double>(x_.size());
  const double nstar = n - d_ - D_ * period_;
  const double npar = est.estimatedCount() + 1;
  const double aic = method == ArimaMethod::Css ? offset_ + nstar * std::log(est.sigma2) + 2 * npar : est.aic;
  double score = kInf;
  if (!std::isnan(aic)) {
    const double bic = aic + npar * (std::log(nstar) - 2);
    const double denominator = nstar - npar - 1;
    const double aicc = denominator == 0 ? kInf : aic + 2 * npar * (npar + 1) / denominator;
    score = ic_ == InformationCriterion::Aicc ? aicc : ic_ == InformationCriterion::Aic ? aic : bic;
  }
  double root = 2.0;
  try {
    if (p + P > 0) root = std::min(root, minRoot(est.model.phi, -1.0));
    if (q + Q > 0 && score < kInf) root = std::min(root, minRoot(est.model.theta, 1.0));
  } catch (const ArimaFitError&) {
    score = kInf;
  }
  if (root < 1.01) score = kInf;
  c.score = std::isnan(score) ? kInf : score;
  if (c.score < kInf && est.variance) {
    c.variance = est.variance;
    c.checked = false;
  }
  c.fit = std::move(est);
  return c;
}

}  // namespace foresight::arima
