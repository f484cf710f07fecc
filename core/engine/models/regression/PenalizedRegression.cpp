#include "engine/models/regression/PenalizedRegression.h"

#include <Eigen/Cholesky>
#include <algorithm>  // std::max
#include <cmath>      // std::sqrt

#include "engine/common/Errors.h"

namespace foresight {

namespace {
// |d| is smoothed to sqrt(d^2 + eps^2). eps starts at 1 and halves every
// round down to kEpsilon: a coefficient majorised at 0 with a tiny eps
// could never leave it, so the early rounds let every change find its
// size before the penalty turns sharp.
constexpr double kEpsilon = 1e-7;  // unit scale; Prophet's plots call |delta| >= 0.01 a changepoint
constexpr double kTolerance = 1e-9;
constexpr int kMaxIterations = 1000;
constexpr double kSigmaPriorScale = 0.5;  // Prophet's sigma_obs ~ half-normal(0, 0.5)

// The sigma that maximises -n log s - ssr / (2 s^2) - s^2 / (2 c^2):
// a quadratic in s^2.
double sigmaGiven(double ssr, double n) {
  const double a = 1 / (kSigmaPriorScale * kSigmaPriorScale);
  const double s2 = (-n + std::sqrt(n * n + 4 * a * ssr)) / (2 * a);
  return std::sqrt(std::max(s2, 0.0));
}
}  // namespace

PenalizedRegression PenalizedRegression::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                             const std::vector<CoefficientPrior>& priors) {
  const Eigen::Index p = x.cols();
  if (static_cast<std::size_t>(p) != priors.size() || x.rows() != y.size() || y.size() == 0)
    throw Error("penalized regression: " + std::to_string(priors.size()) + " priors for " + std::to_string(p) +
                " columns, " + std::to_string(y.size()) + " values for " + std::to_string(x.rows()) + " rows");
  const Eigen::MatrixXd gram = x.transpose() * x;
  const Eigen::VectorXd xty = x.transpose() * y;
  const auto n = static_cast<double>(y.size());
  // A whisper of ridge keeps every system positive definite (a column of
  // zeros, a perfect fit with sigma 0).
  const double jitter = 1e-12 * std::max(1.0, gram.diagonal().maxCoeff());

  PenalizedRegression out;
  out.beta_ = Eigen::VectorXd::Zero(p);
  out.sigma_ = sigmaGiven((y.array() - y.mean()).square().sum(), n);
  Eigen::VectorXd penalty(p);
  double epsilon = 1;
  for (out.iterations_ = 1; out.iterations_ <= kMaxIterations; ++out.iterations_) {
    const double s2 = out.sigma_ * out.sigma_;
    const bool sharp = epsilon <= kEpsilon;
    for (Eigen::Index j = 0; j < p; ++j) {
      const auto& prior = priors[static_cast<std::size_t>(j)];
      // Twice s2 times the prior's negative log density, as a quadratic.
      penalty[j] = prior.kind == CoefficientPrior::Gaussian
                       ? s2 / (prior.scale * prior.scale)
                       : s2 / (prior.scale * std::sqrt(out.beta_[j] * out.beta_[j] + epsilon * epsilon));
    }
    Eigen::MatrixXd system = gram;
    system.diagonal() += penalty + Eigen::VectorXd::Constant(p, jitter);
    const Eigen::LLT<Eigen::MatrixXd> llt(system);
    if (llt.info() != Eigen::Success) throw Error("penalized regression: the system is not positive definite");
    const Eigen::VectorXd next = llt.solve(xty);
    const double change = (next - out.beta_).cwiseAbs().maxCoeff();
    out.beta_ = next;
    out.sigma_ = sigmaGiven((y - x * out.beta_).squaredNorm(), n);
    if (sharp && change <= kTolerance) break;
    epsilon = std::max(kEpsilon, epsilon / 2);
  }
  out.iterations_ = std::min(out.iterations_, kMaxIterations);
  return out;
}

}  // namespace foresight
