#include "engine/models/arima/ArimaRegressionStart.h"

#include <Eigen/Cholesky>  // LDLT
#include <Eigen/QR>        // ColPivHouseholderQR
#include <Eigen/SVD>       // JacobiSVD
#include <cmath>           // std::sqrt, std::isfinite, std::isnan


namespace foresight::arima {

namespace {

// diff(x, lag, differences) applied to every column.
Eigen::MatrixXd difference(const Eigen::MatrixXd& m, int lag, int times) {
  Eigen::MatrixXd out = m;
  for (int i = 0; i < times; ++i) {
    if (out.rows() <= lag) return Eigen::MatrixXd(0, m.cols());
    const Eigen::Index n = out.rows() - lag;
    out = (out.bottomRows(n) - out.topRows(n)).eval();
  }
  return out;
}

struct LeastSquares {
  int rank = 0;
  Eigen::VectorXd coef, se;
};

// lm(y ~ X - 1): coefficients and their standard errors; rows with a
// missing value are left out (na.omit).
LeastSquares leastSquares(const Eigen::VectorXd& y, const Eigen::MatrixXd& X) {
  std::vector<Eigen::Index> rows;
  for (Eigen::Index t = 0; t < y.size(); ++t)
    if (!std::isnan(y[t]) && X.row(t).allFinite()) rows.push_back(t);
  const auto n = static_cast<Eigen::Index>(rows.size());
  Eigen::MatrixXd A(n, X.cols());
  Eigen::VectorXd b(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    A.row(i) = X.row(rows[static_cast<std::size_t>(i)]);
    b[i] = y[rows[static_cast<std::size_t>(i)]];
  }
  LeastSquares out;
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(A);
  qr.setThreshold(1e-7);  // lm's tolerance for collinear columns
  out.rank = static_cast<int>(qr.rank());
  if (out.rank < X.cols()) return out;
  out.coef = qr.solve(b);
  const double rss = (b - A * out.coef).squaredNorm();
  const double resvar = rss / static_cast<double>(n - X.cols());
  const Eigen::MatrixXd xtxInv = (A.transpose() * A).ldlt().solve(Eigen::MatrixXd::Identity(X.cols(), X.cols()));
  out.se = (xtxInv.diagonal() * resvar).cwiseSqrt();
  return out;
}

}  // namespace

RegressionStart regressionStart(const Eigen::VectorXd& x, const Eigen::MatrixXd& xreg, const ArimaOrder& order,
                                bool rotate) {
  RegressionStart s;
  const Eigen::Index k = xreg.cols();
  s.xreg = xreg;
  s.rotation = Eigen::MatrixXd::Identity(k, k);
  if (rotate) {
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(xreg, Eigen::ComputeThinV);
    s.rotation = svd.matrixV();
    s.xreg = xreg * s.rotation;
    s.rotated = true;
  }
  Eigen::MatrixXd dx = x, dxreg = s.xreg;
  if (order.d > 0) {
    dx = difference(dx, 1, order.d);
    dxreg = difference(dxreg, 1, order.d);
  }
  if (order.period > 1 && order.D > 0) {
    dx = difference(dx, order.period, order.D);
    dxreg = difference(dxreg, order.period, order.D);
  }
  LeastSquares fit;
  if (dx.rows() > dxreg.cols()) fit = leastSquares(dx.col(0), dxreg);
  if (fit.rank == 0) fit = leastSquares(x, s.xreg);  // e.g. an intercept differenced away
  // Like lm, a rank-deficient fit leaves NaN starts; the estimator refuses
  // them only for coefficients it has to estimate.
  for (Eigen::Index j = 0; j < k; ++j) {
    const bool ok = fit.rank == k;
    s.init.push_back(ok ? fit.coef[j] : std::nan(""));
    s.parscale.push_back(ok ? 10 * fit.se[j] : std::nan(""));
  }
  return s;
}

}  // namespace foresight::arima
