// Means and variances of ETS forecasts h steps ahead, analytically, as R's
// forecast.ets() computes them: class 1 (linear: additive errors, N/A/Ad
// trend, N/A season), class 2 (multiplicative errors on a linear form) and
// class 3 (multiplicative errors and season), from Hyndman et al. (2008),
// chapter 6. Two slips of forecast 8.20 are corrected (see docs/models.md):
// the seasonal smoothing weight sits on the newest seasonal state in class 1
// even without a trend, and class 3 damps the trend. Class 3's mean is the
// forecast distribution's mean, which beyond one season differs from the
// recursion's point forecast by a covariance term (as in R).
#pragma once

#include <Eigen/Core>
#include <vector>

#include "engine/models/ets/EtsModel.h"

namespace foresight {

class EtsForecastDistribution {
 public:
  // Means and variances of y(t+j), j = 1..h, from the model's final state.
  static void compute(const EtsModel& model, int h, Eigen::VectorXd& mean, Eigen::VectorXd& variance);

 private:
  // class 1: sigma2 * (1 + sum c_j^2); also returns the c_j.
  static void linear(const EtsModel& model, int h, Eigen::VectorXd& mean, Eigen::VectorXd& variance,
                     Eigen::VectorXd& c);
  static void multiplicativeError(const EtsModel& model, int h, Eigen::VectorXd& mean, Eigen::VectorXd& variance);
  static void multiplicativeSeason(const EtsModel& model, int h, Eigen::VectorXd& mean, Eigen::VectorXd& variance);
};

}  // namespace foresight
