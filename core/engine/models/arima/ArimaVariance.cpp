#include "engine/models/arima/ArimaVariance.h"

#include "engine/models/arima/ArimaFitError.h"
#include "engine/models/arima/ArimaParameters.h"
#include "engine/models/arima/CheckedSolve.h"
#include "engine/models/optim/Bfgs.h"

namespace foresight::arima {

Eigen::MatrixXd ArimaVarianceJob::operator()() const {
  const std::shared_ptr<ArimaObjective> obj = objective;
  const int cond = ncond;
  const bool trans = transform;
  optim::BfgsOptions options;
  options.parscale = parscale;
  optim::Bfgs::Objective f;
  if (css) {
    f = [obj, cond](const double* p) { return obj->cssObjective(p, cond); };
    options.batch = [obj, cond](int count, const double* const* points, double* values) {
      obj->cssObjectives(count, points, cond, values);
    };
  } else {
    f = [obj, trans](const double* p) { return obj->exactObjective(p, trans); };
  }
  std::vector<double> h;
  if (!optim::Bfgs::hessian(f, point, options, h)) throw ArimaFitError("the Hessian has a non-finite finite difference");
  const auto m = static_cast<Eigen::Index>(point.size());
  Eigen::MatrixXd H(m, m);
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < m; ++j) H(i, j) = h[static_cast<std::size_t>(i * m + j)] * nUsed;
  const std::vector<int>& idx = objective->freeIndex();
  auto freeBlock = [&](const Eigen::MatrixXd& full) {
    Eigen::MatrixXd b(m, m);
    for (Eigen::Index i = 0; i < m; ++i)
      for (Eigen::Index j = 0; j < m; ++j) b(i, j) = full(idx[static_cast<std::size_t>(i)], idx[static_cast<std::size_t>(j)]);
    return b;
  };
  // R: crossprod(A, solve(H, A)) with A the Jacobian of the AR map, else solve(H).
  const Eigen::MatrixXd A = transform ? freeBlock(transformJacobian(order, coefficients)) : Eigen::MatrixXd::Identity(m, m);
  Eigen::MatrixXd solved;
  if (!solveChecked(H, A, solved)) throw ArimaFitError("the Hessian of the likelihood is singular");
  Eigen::MatrixXd var = A.transpose() * solved;
  if (rotation.size() > 0) {
    const Eigen::MatrixXd R = freeBlock(rotation);
    var = R * var * R.transpose();
  }
  return var;
}

}  // namespace foresight::arima
