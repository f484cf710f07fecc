#include "engine/models/arima/ArimaFallback.h"

#include <cmath>  // std::isfinite

#include "engine/models/arima/ArimaCandidateFitter.h"
#include "engine/models/arima/ArimaFitError.h"

namespace foresight::arima {

bool isUsable(const ArimaModel& m) {
  for (double c : m.coefficients())
    if (!std::isfinite(c)) return false;
  const double s2 = m.statistics().sigma2;
  if (!std::isfinite(s2) || s2 < 0) return false;
  Eigen::VectorXd mean, se;
  m.forecast(1, mean, se);
  return mean.allFinite() && se.allFinite();
}

ArimaModel fallbackModel(const Eigen::VectorXd& y, int d, int D, int period, std::string& description) {
  const auto n = static_cast<int>(y.size());
  const ArimaOrder walk{0, d, 0, 0, D, 0, period};
  if (d + D > 0 && n > walk.lostObservations() + 2) {
    try {
      const bool constant = walk.differences() <= 1;
      ArimaRequest req = candidateRequest(walk, constant, ArimaMethod::CssMl, n);
      req.deferVariance = true;
      const ArimaModel m = ArimaModel::fromEstimate(estimateArima(y, req), n);
      if (isUsable(m)) {
        description = m.label();
        return m;
      }
    } catch (const ArimaFitError&) {
      // fall through to the mean
    }
  }
  ArimaRequest req;
  req.order = ArimaOrder{0, 0, 0, 0, 0, 0, period};
  req.fixed = {y.mean()};
  ArimaModel m = ArimaModel::fromEstimate(estimateArima(y, req), n);
  description = "ARIMA(0,0,0) with the sample mean";
  return m;
}

}  // namespace foresight::arima
