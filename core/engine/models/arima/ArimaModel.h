// A fitted ARIMA model ready to forecast: orders, coefficients, regression
// on mean/drift, the Kalman filter's state at the end of the data seen, and
// the statistics R's forecast::Arima reports (AICc, BIC, its sigma2).
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/models/FitStatistics.h"
#include "engine/models/arima/ArimaEstimator.h"
#include "engine/models/arima/ArimaOrder.h"
#include "engine/models/arima/ArimaStateSpace.h"

namespace foresight::arima {

class ArimaModel {
 public:
  ArimaModel() = default;
  // forecast::Arima on top of stats::arima: npar = estimated + 1,
  // nstar = n - d - m D, AICc and BIC from the AIC, and sigma2 = sum of
  // squared residuals / (nstar - npar + 1). n = length of the series.
  static ArimaModel fromEstimate(const ArimaEstimate& e, int n);

  const ArimaOrder& order() const { return order_; }
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<double>& coefficients() const { return coef_; }
  double coefficient(const std::string& name) const;  // NaN when absent
  bool hasIntercept() const { return interceptIndex_ >= 0; }
  bool hasDrift() const { return driftIndex_ >= 0; }
  const FitStatistics& statistics() const { return stats_; }
  const Eigen::VectorXd& residuals() const { return residuals_; }
  ArimaMethod method() const { return method_; }
  // R's arima.string: "ARIMA(2,1,1)(1,0,1)[7] with drift".
  std::string label() const;

  // Means and standard errors 1..h steps after the data seen (R's
  // predict.Arima through KalmanForecast).
  void forecast(int horizon, Eigen::VectorXd& mean, Eigen::VectorXd& se) const;
  // Runs the filter over newer observations with the coefficients and
  // sigma2 fixed (as forecast::Arima(y, model = fit) does).
  void update(const Eigen::VectorXd& newer);

  nlohmann::json params() const;
  nlohmann::json toJson() const;
  // Throws InputError naming the field on a malformed state.
  static ArimaModel fromJson(const nlohmann::json& j);

 private:
  void locateRegressors();
  void rebuildPolynomials();
  double regressionAt(long long t) const;  // mean + drift * t, t 1-based

  ArimaOrder order_;
  ArimaMethod method_ = ArimaMethod::CssMl;
  std::vector<std::string> names_;
  std::vector<double> coef_;
  int estimated_ = 0;
  int interceptIndex_ = -1, driftIndex_ = -1;
  double sigma2_ = 0;
  long long seen_ = 0;  // observations filtered so far (the drift's time index)
  ArimaStateSpace state_;
  FitStatistics stats_;
  Eigen::VectorXd residuals_;  // over the training data
};

}  // namespace foresight::arima
