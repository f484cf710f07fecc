#include "engine/models/stats/AdfTest.h"

#include <Eigen/QR>
#include <cmath>
#include <limits>
#include <string>

#include "engine/common/Errors.h"

namespace foresight::stats {

namespace {

struct OlsFit {
  Eigen::VectorXd beta;
  double ssr = 0;
  Eigen::VectorXd tValues;
  double aic = 0;
};

// OLS through QR (no pivoting: the regressors are full rank unless x is
// constant, which adfTest refuses), with classical standard errors.
OlsFit ols(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  const Eigen::Index n = X.rows(), k = X.cols();
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(X);
  OlsFit f;
  f.beta = qr.solve(y);
  f.ssr = (y - X * f.beta).squaredNorm();
  const Eigen::MatrixXd R = qr.matrixQR().topRows(k).triangularView<Eigen::Upper>();
  const Eigen::MatrixXd rInv = R.triangularView<Eigen::Upper>().solve(Eigen::MatrixXd::Identity(k, k));
  const double sigma2 = f.ssr / static_cast<double>(n - k);
  f.tValues.resize(k);
  for (Eigen::Index j = 0; j < k; ++j) f.tValues[j] = f.beta[j] / std::sqrt(sigma2 * rInv.row(j).squaredNorm());
  // Gaussian log-likelihood at the OLS estimate, as statsmodels' OLS.aic.
  const double nd = static_cast<double>(n);
  const double llf = -nd / 2.0 * (std::log(2.0 * M_PI) + std::log(f.ssr / nd) + 1.0);
  f.aic = -2.0 * llf + 2.0 * static_cast<double>(k);
  return f;
}

// Regressors of the test with `lags` lagged differences, on the last
// `nobs` differences: [x_{t-1}, dx_{t-1} .. dx_{t-lags}, 1].
Eigen::MatrixXd design(const Eigen::VectorXd& x, const Eigen::VectorXd& dx, int lags, Eigen::Index nobs) {
  Eigen::MatrixXd X(nobs, lags + 2);
  const Eigen::Index first = dx.size() - nobs;  // index in dx of the first regressand
  for (Eigen::Index r = 0; r < nobs; ++r) {
    const Eigen::Index t = first + r;
    X(r, 0) = x[t];  // level before the difference dx[t] = x[t+1] - x[t]
    for (int l = 1; l <= lags; ++l) X(r, l) = dx[t - l];
    X(r, lags + 1) = 1.0;
  }
  return X;
}

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

int adfDefaultMaxLag(Eigen::Index n) {
  const int byRule = static_cast<int>(std::ceil(12.0 * std::pow(static_cast<double>(n) / 100.0, 0.25)));
  return std::min(static_cast<int>(n / 2) - 2, byRule);
}

double adfPValue(double stat) {
  // MacKinnon (1994) table for the constant-only test, one series.
  constexpr double kMax = 2.74, kMin = -18.83, kStar = -1.61;
  if (stat > kMax) return 1.0;
  if (stat < kMin) return 0.0;
  if (stat <= kStar) return normalCdf(2.1659 + 1.4412 * stat + 0.038269 * stat * stat);
  return normalCdf(1.7339 + 0.93202 * stat - 0.12745 * stat * stat - 0.010368 * stat * stat * stat);
}

AdfResult adfTest(const Eigen::VectorXd& x, std::optional<int> maxLagOpt, bool autolag) {
  const Eigen::Index n = x.size();
  for (Eigen::Index i = 0; i < n; ++i)
    if (!std::isfinite(x[i]))
      throw InputError("ADF test: value " + std::to_string(i + 1) + " is missing or not finite");
  if (n < 6) throw InputError("ADF test: needs at least 6 values, got " + std::to_string(n));
  const int maxLag = maxLagOpt.value_or(adfDefaultMaxLag(n));
  if (maxLag < 0 || maxLag > static_cast<int>(n / 2) - 2)
    throw InputError("ADF test: " + std::to_string(maxLag) + " lags are too many for " + std::to_string(n) +
                     " values (at most n/2 - 2)");
  if ((x.array() == x[0]).all()) throw InputError("ADF test: the series is constant");
  const Eigen::VectorXd dx = x.tail(n - 1) - x.head(n - 1);

  AdfResult result;
  int lags = maxLag;
  if (autolag) {
    // Every candidate on the same sample (the one the longest lag allows);
    // the smallest AIC wins, ties going to the fewer lags.
    const Eigen::Index common = dx.size() - maxLag;
    const Eigen::MatrixXd full = design(x, dx, maxLag, common);
    const Eigen::VectorXd y = dx.tail(common);
    double best = std::numeric_limits<double>::infinity();
    for (int l = 0; l <= maxLag; ++l) {
      Eigen::MatrixXd X(common, l + 2);
      X.col(0) = full.col(maxLag + 1);  // statsmodels puts the constant first here
      X.middleCols(1, l + 1) = full.leftCols(l + 1);
      const double aic = ols(X, y).aic;
      if (aic < best) {
        best = aic;
        lags = l;
      }
    }
    result.aic = best;
  }
  const Eigen::Index nobs = dx.size() - lags;
  const OlsFit fit = ols(design(x, dx, lags, nobs), dx.tail(nobs));
  result.statistic = fit.tValues[0];
  result.pValue = adfPValue(result.statistic);
  result.usedLag = lags;
  result.nobs = static_cast<int>(nobs);
  // MacKinnon (2010), constant, one series: b0 + b1/T + b2/T^2 + b3/T^3.
  const double u = 1.0 / static_cast<double>(nobs);
  auto crit = [u](double b0, double b1, double b2, double b3) { return b0 + u * (b1 + u * (b2 + u * b3)); };
  result.critical1 = crit(-3.43035, -6.5393, -16.786, -79.433);
  result.critical5 = crit(-2.86154, -2.8903, -4.234, -40.040);
  result.critical10 = crit(-2.56677, -1.5384, -2.809, 0.0);
  return result;
}

}  // namespace foresight::stats
