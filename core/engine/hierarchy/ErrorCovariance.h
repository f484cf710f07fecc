// The covariance of the nodes' in-sample one-step forecast errors, which
// wls_var and mint_shrink weigh by, with the Schäfer-Strimmer (2005)
// shrinkage towards its diagonal that Wickramasuriya, Athanasopoulos and
// Hyndman (2019) use, computed as R's hts::MinT does (shrink.estim): the
// errors are taken as mean zero (W1 = E'E / T, not centred), lambda =
// sum of var(r_ij) / sum of r_ij^2 over i != j, clamped to [0, 1], and
// W = lambda diag(W1) + (1 - lambda) W1.
//
// W is never formed: it is kept as diag(d) + kappa E'E (d = lambda diag(W1),
// kappa = (1 - lambda) / T), so 50,000 series cost O(n T) memory, and lambda
// is computed from the T x T Gram matrix when that is the smaller one.
#pragma once

#include <Eigen/Core>

namespace foresight {

struct ErrorCovariance {
  Eigen::MatrixXd errors;    // T x n: the periods where every node has an error
  Eigen::VectorXd variance;  // diag(W1), n, after the floor below
  Eigen::VectorXd rawVariance;  // diag(E'E) / T, before it
  double lambda = 1;         // shrinkage intensity (1: the diagonal only)
  int periodsDropped = 0;    // periods left out for a missing error

  // residuals: nodes x periods, NaN where a node has no error. InputError
  // when fewer than 2 periods have an error for every node. A node whose
  // errors are all 0 (a perfect fit) gets a variance of 1e-12 x the largest
  // so that W stays positive definite.
  static ErrorCovariance estimate(const Eigen::MatrixXd& residuals);

  // W's diagonal part d and low-rank weight kappa for the shrunk estimate
  // (W = diag(d) + kappa E'E, whose diagonal is `variance`, floor included).
  Eigen::VectorXd shrunkDiagonal() const { return lambda * variance + (1 - lambda) * (variance - rawVariance); }
  double shrunkKappa() const { return (1 - lambda) / static_cast<double>(errors.rows()); }
};

}  // namespace foresight
