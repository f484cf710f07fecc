// The augmented Dickey-Fuller unit-root test with a constant, as
// statsmodels' adfuller(x, regression="c", autolag="AIC") computes it: the
// lag order chosen by AIC on a common sample, MacKinnon (1994) p-values and
// MacKinnon (2010) finite-sample critical values.
#pragma once

#include <Eigen/Core>
#include <optional>

namespace foresight::stats {

struct AdfResult {
  double statistic = 0;   // t-value of the lagged level's coefficient
  double pValue = 0;      // H0: a unit root (not stationary)
  int usedLag = 0;        // lagged differences in the final regression
  int nobs = 0;           // observations of the final regression
  double critical1 = 0, critical5 = 0, critical10 = 0;
  double aic = 0;         // of the chosen lag on the common sample (autolag only)
};

// statsmodels' default: ceil(12 (n / 100)^(1/4)), at most n/2 - 2.
int adfDefaultMaxLag(Eigen::Index n);

// x finite. With `autolag` the lag order is chosen from 0..maxLag by AIC;
// without, maxLag lagged differences are used. maxLag nullopt: the default.
// InputError when x holds a non-finite value, is too short for the lags
// (n/2 - 2 < maxLag) or is constant.
AdfResult adfTest(const Eigen::VectorXd& x, std::optional<int> maxLag = std::nullopt, bool autolag = true);

// MacKinnon's approximate p-value of an ADF statistic (constant, one series).
double adfPValue(double statistic);

}  // namespace foresight::stats
