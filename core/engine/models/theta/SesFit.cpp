#include "engine/models/theta/SesFit.h"

#include <cmath>   // std::isfinite
#include <limits>  // quiet_NaN

#include "engine/common/Errors.h"
#include "engine/models/SeriesCleaning.h"
#include "engine/models/ets/EtsSelection.h"

namespace foresight {

namespace {

// R's ses() stops on fewer than three values; a random walk is the limit of
// SES as alpha -> 1 and needs nothing to estimate.
SesFit shortSeriesFallback(const Eigen::VectorXd& x, std::vector<std::string>& warnings) {
  SesFit f;
  const Eigen::Index n = x.size();
  f.alpha = 1.0;
  f.initialLevel = x[0];
  f.finalLevel = x[n - 1];
  f.fitted = Eigen::VectorXd::Constant(n, std::numeric_limits<double>::quiet_NaN());
  double sum = 0;
  for (Eigen::Index t = 1; t < n; ++t) {
    f.fitted[t] = x[t - 1];
    sum += (x[t] - x[t - 1]) * (x[t] - x[t - 1]);
  }
  f.sigma2 = n > 1 ? sum / static_cast<double>(n - 1) : 0.0;
  warnings.push_back("simple exponential smoothing needs at least 3 observations, got " + std::to_string(n) +
                     "; using the last value as the level (alpha = 1)" +
                     (n == 1 ? " and zero-width intervals" : ""));
  return f;
}

}  // namespace

SesFit SesFit::fit(const Eigen::VectorXd& x, std::vector<std::string>& warnings, EtsAlphaStart alphaStart) {
  if (x.size() < 3) return shortSeriesFallback(x, warnings);
  EtsRequest request;
  request.error = EtsError::Additive;
  request.trend = EtsTrend::None;
  request.season = EtsSeason::None;
  request.estimation.criterion = EtsCriterion::Mse;  // ses() calls ets(opt.crit = "mse")
  request.estimation.alphaStart = alphaStart;
  const std::vector<double> data(x.data(), x.data() + x.size());
  EtsSelectionResult result = EtsSelection::select(data, 1, request);
  for (auto& w : result.warnings) warnings.push_back(std::move(w));
  const EtsModel& m = result.model;
  SesFit f;
  f.alpha = m.params.alpha;
  f.initialLevel = m.initialState.at(0);
  f.finalLevel = m.finalState.at(0);
  f.sigma2 = m.sigma2;
  f.fitted = Eigen::Map<const Eigen::VectorXd>(m.fitted.data(), static_cast<Eigen::Index>(m.fitted.size()));
  // Values near the limits of double arithmetic (|y| ~ 1e150 and beyond)
  // overflow the squared errors; refuse them rather than forecast NaN.
  if (!(f.alpha > 0 && f.alpha <= 1) || !std::isfinite(f.finalLevel) || !std::isfinite(f.sigma2) ||
      !f.fitted.allFinite())
    throw InputError("simple exponential smoothing cannot be fitted to these values: their magnitude (largest |y| = " +
                     formatValue(x.cwiseAbs().maxCoeff()) + ") overflows double precision arithmetic; rescale the data");
  return f;
}

}  // namespace foresight
