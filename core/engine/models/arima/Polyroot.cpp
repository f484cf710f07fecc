#include "engine/models/arima/Polyroot.h"

#include <Eigen/Eigenvalues>  // Eigen::EigenSolver
#include <cmath>              // std::abs
#include <limits>             // infinity

#include "engine/models/arima/ArimaFitError.h"

namespace foresight::arima {

// The eigenvalues of the companion matrix are the roots; for the low degrees
// of ARIMA polynomials (and even the expanded seasonal ones, degree ~100)
// this is accurate to rounding and simpler than Jenkins-Traub.
std::vector<std::complex<double>> polyroot(const std::vector<double>& c) {
  std::size_t k = c.size();
  while (k > 0 && c[k - 1] == 0.0) --k;
  if (k <= 1) return {};
  const auto degree = static_cast<Eigen::Index>(k - 1);
  Eigen::MatrixXd companion = Eigen::MatrixXd::Zero(degree, degree);
  const double lead = c[k - 1];
  for (Eigen::Index j = 0; j < degree; ++j) companion(0, j) = -c[k - 2 - static_cast<std::size_t>(j)] / lead;
  for (Eigen::Index i = 1; i < degree; ++i) companion(i, i - 1) = 1.0;
  Eigen::EigenSolver<Eigen::MatrixXd> solver(companion, false);
  if (solver.info() != Eigen::Success) throw ArimaFitError("polynomial root finding did not converge");
  std::vector<std::complex<double>> roots;
  roots.reserve(static_cast<std::size_t>(degree));
  for (Eigen::Index i = 0; i < degree; ++i) roots.push_back(solver.eigenvalues()[i]);
  return roots;
}

double smallestRootModulus(const std::vector<double>& c) {
  double m = std::numeric_limits<double>::infinity();
  for (const auto& r : polyroot(c)) m = std::min(m, std::abs(r));
  return m;
}

}  // namespace foresight::arima
