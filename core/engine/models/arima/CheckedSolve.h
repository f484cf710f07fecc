// Linear solves that fail where R's solve() fails: an exactly singular
// matrix or a reciprocal condition number below machine epsilon. stats::arima
// stops there, and auto.arima then skips the candidate.
#pragma once

#include <Eigen/Core>

namespace foresight::arima {

// X = A^-1 B; false when A is (computationally) singular.
bool solveChecked(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B, Eigen::MatrixXd& X);

}  // namespace foresight::arima
