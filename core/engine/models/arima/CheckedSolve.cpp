#include "engine/models/arima/CheckedSolve.h"

#include <Eigen/LU>  // Eigen::PartialPivLU
#include <limits>    // epsilon

namespace foresight::arima {

bool solveChecked(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B, Eigen::MatrixXd& X) {
  if (A.rows() == 0) {
    X = Eigen::MatrixXd(0, B.cols());
    return true;
  }
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(A);
  const Eigen::MatrixXd U = lu.matrixLU().triangularView<Eigen::Upper>();
  for (Eigen::Index i = 0; i < U.rows(); ++i)
    if (U(i, i) == 0.0) return false;  // LAPACK dgesv: exactly singular
  // R compares LAPACK's estimate of the 1-norm reciprocal condition number
  // with machine epsilon; for the small matrices here compute it exactly.
  const Eigen::MatrixXd inverse = lu.inverse();
  const double normA = A.cwiseAbs().colwise().sum().maxCoeff();
  const double normInv = inverse.cwiseAbs().colwise().sum().maxCoeff();
  const double rcond = 1.0 / (normA * normInv);
  if (!(rcond >= std::numeric_limits<double>::epsilon())) return false;
  X = lu.solve(B);
  return X.allFinite();
}

}  // namespace foresight::arima
