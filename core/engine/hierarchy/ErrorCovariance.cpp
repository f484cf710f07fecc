#include "engine/hierarchy/ErrorCovariance.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/common/Errors.h"

namespace foresight {

ErrorCovariance ErrorCovariance::estimate(const Eigen::MatrixXd& residuals) {
  const Eigen::Index n = residuals.rows();
  std::vector<Eigen::Index> complete;
  for (Eigen::Index t = 0; t < residuals.cols(); ++t)
    if (residuals.col(t).allFinite()) complete.push_back(t);
  if (complete.size() < 2)
    throw InputError("reconciliation: the in-sample one-step errors leave " + std::to_string(complete.size()) +
                     " period(s) where every series has one; their covariance needs at least 2");
  ErrorCovariance c;
  c.periodsDropped = static_cast<int>(residuals.cols()) - static_cast<int>(complete.size());
  const auto T = static_cast<Eigen::Index>(complete.size());
  c.errors.resize(T, n);
  for (Eigen::Index k = 0; k < T; ++k) c.errors.row(k) = residuals.col(complete[static_cast<std::size_t>(k)]).transpose();
  const double t = static_cast<double>(T);
  c.rawVariance = c.errors.colwise().squaredNorm().transpose() / t;
  c.variance = c.rawVariance;
  const double floor = 1e-12 * std::max(c.variance.maxCoeff(), 1e-300);
  for (Eigen::Index i = 0; i < n; ++i) c.variance[i] = std::max(c.variance[i], floor);
  if (n < 2) {
    c.lambda = 1;
    return c;
  }

  // xs: errors scaled to unit mean square per node.
  const Eigen::MatrixXd xs = c.errors * c.variance.cwiseSqrt().cwiseInverse().asDiagonal();
  // Sum over i != j of (xs_i . xs_j)^2, from whichever Gram matrix is smaller.
  double offDiagonalSquares = 0;
  if (T <= n) {
    const Eigen::MatrixXd g = xs * xs.transpose();  // T x T
    offDiagonalSquares = g.squaredNorm();
  } else {
    const Eigen::MatrixXd g = xs.transpose() * xs;  // n x n
    offDiagonalSquares = g.squaredNorm();
  }
  const Eigen::VectorXd selfProducts = xs.colwise().squaredNorm().transpose();  // xs_i . xs_i
  offDiagonalSquares -= selfProducts.squaredNorm();
  // Sum over i != j of sum_t xs_ti^2 xs_tj^2.
  const double crossFourth =
      xs.cwiseAbs2().rowwise().sum().squaredNorm() - xs.cwiseAbs2().cwiseAbs2().sum();
  const double sumVar = (crossFourth - offDiagonalSquares / t) / (t * (t - 1));
  const double sumSqCorr = offDiagonalSquares / (t * t);
  c.lambda = sumSqCorr > 0 ? std::clamp(sumVar / sumSqCorr, 0.0, 1.0) : 1.0;
  return c;
}

}  // namespace foresight
