#include "engine/models/arima/ArimaForecaster.h"

#include "engine/models/arima/ArimaFallback.h"  // isUsable
#include "engine/models/arima/ArimaFitError.h"

namespace foresight {

namespace {
arima::ArimaMethod parseMethod(const std::string& s) {
  if (s == "ML") return arima::ArimaMethod::Ml;
  if (s == "CSS") return arima::ArimaMethod::Css;
  return arima::ArimaMethod::CssMl;
}
}  // namespace

void ArimaForecaster::fitImpl(const Eigen::VectorXd& y) {
  const ModelConfig& c = config();
  arima::ArimaOrder order{c.getInt("p"), c.getInt("d"), c.getInt("q"), c.getInt("P"), c.getInt("D"), c.getInt("Q"),
                          seasonalPeriod()};
  if (order.period <= 1 && order.P + order.D + order.Q > 0) {
    // R's Arima ignores the seasonal part of non-seasonal data.
    addWarning("arima: the period is 1, so the seasonal orders (P,D,Q) = (" + std::to_string(order.P) + "," +
               std::to_string(order.D) + "," + std::to_string(order.Q) + ") are ignored");
    order.P = order.D = order.Q = 0;
  }
  const auto n = static_cast<int>(y.size());
  arima::ArimaRequest req;
  req.order = order;
  req.includeMean = c.getBool("include_mean");
  req.method = parseMethod(c.getString("method"));
  // The coefficient covariance (a numerical Hessian) changes no forecast;
  // R stops when it is singular, Foresight does not compute it.
  req.deferVariance = true;
  if (c.getBool("include_drift")) {
    if (order.differences() > 1) {
      addWarning("arima: no drift with two or more differences (as R)");
    } else {
      req.xreg = Eigen::VectorXd::LinSpaced(n, 1.0, static_cast<double>(n));
      req.xregNames = {"drift"};
    }
  }

  std::string problem;
  if (n <= order.lostObservations()) {
    problem = std::to_string(n) + " observations are too few for " + order.label() + " (R: not enough data)";
  } else {
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        arima::ArimaModel m = arima::ArimaModel::fromEstimate(arima::estimateArima(y, req), n);
        if (arima::isUsable(m)) {
          if (attempt > 0)
            addWarning("arima: " + problem + "; estimated by maximum likelihood from zero starting values instead");
          adopt(std::move(m), y);
          return;
        }
        problem = order.label() + " gave a non-finite fit";
      } catch (const arima::ArimaFitError& e) {
        problem = order.label() + ": " + e.what();
      }
      // R's CSS-ML stops when CSS gives a non-stationary start: ML from zeros.
      if (req.method != arima::ArimaMethod::CssMl) break;
      req.method = arima::ArimaMethod::Ml;
    }
  }
  adoptFallback(y, order.d, order.D, order.period, "arima: " + problem);
}

ModelInfo arimaModelInfo() {
  auto order = [](const char* name, double max, const char* what) {
    return ParamSpec{name, ParamType::Int, 0, 0.0, max, {}, what};
  };
  return {"arima",
          "ARIMA(p,d,q)(P,D,Q)[m] by exact maximum likelihood as R's Arima (Kalman filter forecasts)",
          {order("p", 30, "Non-seasonal autoregressive order"), order("d", 3, "Non-seasonal differences"),
           order("q", 30, "Non-seasonal moving-average order"), order("P", 10, "Seasonal autoregressive order"),
           order("D", 2, "Seasonal differences"), order("Q", 10, "Seasonal moving-average order"),
           ParamSpec{"period", ParamType::Int, nullptr, 1.0, 1000.0, {},
                     "Seasonal period m; auto = the frequency's usual period (D 7, W 52, M 12, Q 4, Y 1)"},
           ParamSpec{"include_mean", ParamType::Bool, true, {}, {}, {},
                     "Estimate a mean when the model has no differences (R's include.mean)"},
           ParamSpec{"include_drift", ParamType::Bool, false, {}, {}, {},
                     "Estimate a linear drift when the model has at most one difference (R's include.drift)"},
           ParamSpec{"method", ParamType::Choice, "CSS-ML", {}, {}, {"CSS-ML", "ML", "CSS"},
                     "Estimation: CSS-ML (CSS start, then exact likelihood), ML, or CSS"}},
          [](ModelConfig cfg) { return std::make_unique<ArimaForecaster>(std::move(cfg)); }};
}

}  // namespace foresight
