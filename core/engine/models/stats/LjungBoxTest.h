// The Ljung-Box portmanteau test of residual autocorrelation, as R's
// Box.test(type = "Ljung-Box") and forecast::checkresiduals compute it.
#pragma once

#include <Eigen/Core>

namespace foresight::stats {

struct LjungBoxResult {
  double statistic = 0;  // Q = n (n + 2) sum_{k=1..lag} r_k^2 / (n - k)
  int lag = 0;           // autocorrelations summed
  int fitdf = 0;         // parameters the model estimated (subtracted from df)
  int df = 0;            // lag - fitdf, degrees of freedom of the chi-squared
  int n = 0;             // residuals used (after cleaning)
  double pValue = 0;     // P(chi2(df) > Q): small = residuals are autocorrelated
};

// forecast::checkresiduals' default: 2m for seasonal data (period m > 1),
// else 10; at most round(n / 5); at least fitdf + 3.
int ljungBoxDefaultLag(Eigen::Index n, int period, int fitdf);

// Leading and trailing NaN are dropped and inner NaN interpolated linearly,
// as checkresiduals' zoo::na.approx does (models have no residual for their
// first periods). InputError naming the setting when lag < 1, fitdf < 0,
// lag - fitdf < 1, lag >= the residuals left, or a residual is infinite.
LjungBoxResult ljungBoxTest(const Eigen::VectorXd& residuals, int lag, int fitdf = 0);

// P(X > x) for X ~ chi-squared with df > 0 degrees of freedom (computed as
// the upper tail itself, so tiny p-values keep their precision).
double chiSquaredUpperTail(double x, double df);

}  // namespace foresight::stats
