#include "engine/models/ets/EtsInitialState.h"

#include <Eigen/QR>
#include <algorithm>  // std::min, std::max
#include <cmath>      // std::fabs

#include "engine/common/Errors.h"
#include "engine/models/ets/RNumerics.h"

namespace foresight {

namespace {
// Intercept and slope of the least squares line through (1, y0), (2, y1), ...
std::pair<double, double> fitLine(const double* y, std::size_t n) {
  const double xbar = (static_cast<double>(n) + 1.0) / 2.0;
  const double ybar = rnumerics::mean(y, n);
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = static_cast<double>(i + 1) - xbar;
    sxy += dx * (y[i] - ybar);
    sxx += dx * dx;
  }
  const double slope = sxx > 0 ? sxy / sxx : 0.0;
  return {ybar - slope * xbar, slope};
}
}  // namespace

std::vector<double> EtsInitialState::fourierSeasonal(const std::vector<double>& y, int period, bool multiplicative) {
  const auto n = static_cast<Eigen::Index>(y.size());
  // R: tslm(y ~ trend + fourier(y, 1)); the sine column vanishes for m = 2.
  const bool withSine = period != 2;
  Eigen::MatrixXd x(n, withSine ? 4 : 3);
  Eigen::VectorXd v(n);
  const double p = 1.0 / period;
  for (Eigen::Index t = 0; t < n; ++t) {
    const double time = static_cast<double>(t + 1);
    Eigen::Index c = 0;
    x(t, c++) = 1.0;
    x(t, c++) = time;
    if (withSine) x(t, c++) = rnumerics::sinpi(2 * p * time);
    x(t, c++) = rnumerics::cospi(2 * p * time);
    v[t] = y[static_cast<std::size_t>(t)];
  }
  const Eigen::VectorXd coef = x.colPivHouseholderQr().solve(v);
  std::vector<double> seasonal(y.size());
  for (std::size_t t = 0; t < y.size(); ++t) {
    const double line = coef[0] + coef[1] * static_cast<double>(t + 1);
    seasonal[t] = multiplicative ? y[t] / line : y[t] - coef[0] - coef[1] * static_cast<double>(t + 1);
  }
  return seasonal;
}

std::vector<double> EtsInitialState::estimate(const std::vector<double>& y, EtsForm form, int period) {
  const std::size_t n = y.size();
  std::vector<double> states;
  std::vector<double> seasonalSeeds;
  std::vector<double> adjusted = y;
  int m = 1;
  if (form.hasSeason()) {
    m = period;
    if (n < 4) throw InputError("ETS: a seasonal model needs at least 4 observations, got " + std::to_string(n));
    const bool mult = form.season == EtsSeason::Multiplicative;
    const std::vector<double> seasonal = n < 3 * static_cast<std::size_t>(m)
                                             ? fourierSeasonal(y, m, mult)
                                             : rnumerics::decomposeSeasonal(y, m, mult);
    // s_1 .. s_{m-1} are the seasonal values of periods m, m-1, ..., 2.
    for (int j = m - 1; j >= 1; --j) seasonalSeeds.push_back(seasonal[static_cast<std::size_t>(j)]);
    if (!mult) {
      for (std::size_t i = 0; i < n; ++i) adjusted[i] = y[i] - seasonal[i];
    } else {
      // No negative seasonal indexes; the implied last one must stay positive.
      for (double& s : seasonalSeeds) s = std::max(s, 1e-2);
      if (rnumerics::sum(seasonalSeeds.data(), seasonalSeeds.size()) > m) {
        std::vector<double> shifted = seasonalSeeds;
        for (double& s : shifted) s += 1e-2;
        const double total = rnumerics::sum(shifted.data(), shifted.size());
        for (double& s : seasonalSeeds) s /= total;
      }
      for (std::size_t i = 0; i < n; ++i) adjusted[i] = y[i] / std::max(seasonal[i], 1e-2);
    }
  }
  const std::size_t maxn = std::min<std::size_t>(static_cast<std::size_t>(std::max(10, 2 * m)), n);
  if (!form.hasTrend()) {
    states.push_back(rnumerics::mean(adjusted.data(), maxn));
  } else {
    auto [level, slope] = fitLine(adjusted.data(), maxn);
    // With multiplicative errors the first forecast level + slope must not be 0.
    if (std::fabs(level + slope) < 1e-8) {
      level = level * (1 + 1e-3);
      slope = slope * (1 - 1e-3);
    }
    states.push_back(level);
    states.push_back(slope);
  }
  states.insert(states.end(), seasonalSeeds.begin(), seasonalSeeds.end());
  return states;
}

}  // namespace foresight
