#include "engine/models/ets/SimpleHoltWinters.h"

#include <algorithm>  // std::clamp, std::min, std::any_of
#include <cmath>      // std::isfinite

#include "engine/models/ets/RNumerics.h"
#include "engine/models/optim/NelderMead.h"

namespace foresight {

SimpleHoltWinters::Pass SimpleHoltWinters::run(const std::vector<double>& y, const SimpleHoltWintersSpec& spec,
                                               double alpha, double beta, double gamma, const Start& start,
                                               bool keep) {
  const bool mult = spec.season == EtsSeason::Multiplicative;
  const bool seasonal = spec.season != EtsSeason::None;
  const double phi = spec.phi;
  double level = start.level;
  double trend = spec.trend ? start.trend : 0.0;
  // ring[(next + k) % m] is the seasonal value for k steps ahead.
  std::vector<double> ring = seasonal ? start.season : std::vector<double>{};
  std::size_t next = 0;
  Pass pass;
  if (keep) {
    pass.fitted.assign(y.size(), 0.0);
    pass.residuals.assign(y.size(), 0.0);
  }
  // zzhw()'s formulas and order of operations.
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double x = y[i];
    const double lastLevel = level, lastTrend = trend;
    const double lastSeason = seasonal ? ring[next] : 0.0;
    const double xhat = mult ? (lastLevel + phi * lastTrend) * lastSeason : lastLevel + phi * lastTrend + lastSeason;
    const double res = x - xhat;
    pass.sse += res * res;
    level = mult ? alpha * (x / lastSeason) + (1 - alpha) * (lastLevel + phi * lastTrend)
                 : alpha * (x - lastSeason) + (1 - alpha) * (lastLevel + phi * lastTrend);
    trend = beta * (level - lastLevel) + (1 - beta) * phi * lastTrend;
    if (seasonal) {
      ring[next] = mult ? gamma * (x / (lastLevel + phi * lastTrend)) + (1 - gamma) * lastSeason
                        : gamma * (x - lastLevel - phi * lastTrend) + (1 - gamma) * lastSeason;
      next = (next + 1) % ring.size();
    }
    if (keep) {
      pass.fitted[i] = xhat;
      pass.residuals[i] = res;
    }
  }
  if (keep) {
    pass.finalState.push_back(level);
    if (spec.trend) pass.finalState.push_back(trend);
    // R's layout: newest seasonal state first, the one due next last.
    const std::size_t len = ring.size();
    for (std::size_t k = 0; k < len; ++k) pass.finalState.push_back(ring[(next + len - 1 - k) % len]);
  }
  return pass;
}

std::optional<EtsModel> SimpleHoltWinters::fit(const std::vector<double>& y, int period,
                                               const SimpleHoltWintersSpec& requested, std::string& failure) {
  SimpleHoltWintersSpec spec = requested;
  const int m = std::max(period, 1);
  const std::size_t n = y.size();
  for (const auto& v : {spec.alpha, spec.beta, spec.gamma})
    if (v && !(*v >= 0 && *v <= 1)) {
      failure = "alpha, beta and gamma must lie in [0, 1]";
      return std::nullopt;
    }
  const bool mult = spec.season == EtsSeason::Multiplicative;
  if (mult && (!spec.gamma || *spec.gamma > 0) && std::any_of(y.begin(), y.end(), [](double v) { return v <= 0; })) {
    failure = "multiplicative Holt-Winters needs positive data";
    return std::nullopt;
  }
  if (m <= 1) spec.season = EtsSeason::None;
  const bool seasonal = spec.season != EtsSeason::None;
  if (n == 0 || (spec.trend && !seasonal && n < 2) || (seasonal && n < 2 * static_cast<std::size_t>(m))) {
    failure = seasonal ? "a season needs two full periods of data" : "a trend needs two observations";
    return std::nullopt;
  }

  // Simple starting states: the first value (and first difference), or the
  // first period's mean, slope between the first two periods' means, and
  // the first period's deviations.
  Start start;
  if (!seasonal) {
    start.level = y[0];
    if (spec.trend) start.trend = y[1] - y[0];
  } else {
    const auto um = static_cast<std::size_t>(m);
    start.level = rnumerics::mean(y.data(), um);
    if (spec.trend) start.trend = (rnumerics::mean(y.data() + m, um) - start.level) / m;
    for (std::size_t i = 0; i < um; ++i) start.season.push_back(mult ? y[i] / start.level : y[i] - start.level);
  }

  // R's initparam() with bounds [0, 1] and the data's frequency.
  const double alpha0 = spec.alpha.value_or(0.2 / m);
  double beta0 = 0.1 * std::min(1.0, alpha0);
  if (beta0 < 0 || beta0 > alpha0) beta0 = alpha0 - 1e-3;
  const double gamma0 = 0.05 * std::min(1.0, 1 - alpha0);
  std::vector<double> x;
  const bool freeAlpha = !spec.alpha, freeBeta = spec.trend && !spec.beta, freeGamma = seasonal && !spec.gamma;
  if (freeAlpha) x.push_back(alpha0);
  if (freeBeta) x.push_back(beta0);
  if (freeGamma) x.push_back(gamma0);
  auto unpack = [&](const double* v, double& a, double& b, double& g) {
    int j = 0;
    // R uses L-BFGS-B within [0, 1]; here the simplex may step outside and
    // is evaluated at the nearest point of the box, so bound optima are exact.
    a = freeAlpha ? std::clamp(v[j++], 0.0, 1.0) : spec.alpha.value_or(0.0);
    b = freeBeta ? std::clamp(v[j++], 0.0, 1.0) : (spec.trend ? spec.beta.value_or(0.0) : 0.0);
    g = freeGamma ? std::clamp(v[j++], 0.0, 1.0) : (seasonal ? spec.gamma.value_or(0.0) : 0.0);
  };
  double alpha = 0, beta = 0, gamma = 0;
  if (!x.empty()) {
    auto sse = [&](const double* v) {
      double a, b, g;
      unpack(v, a, b, g);
      return run(y, spec, a, b, g, start, false).sse;
    };
    optim::NelderMeadOptions options;
    options.maxEvaluations = 2000;
    const optim::NelderMeadResult best = optim::NelderMead::minimize(sse, x, options);
    unpack(best.x.data(), alpha, beta, gamma);
  } else {
    const double nothing = 0;  // every parameter is fixed
    unpack(&nothing, alpha, beta, gamma);
  }
  const Pass pass = run(y, spec, alpha, beta, gamma, start, true);
  if (!std::isfinite(pass.sse)) {
    failure = "the Holt-Winters recursions diverge on these data";
    return std::nullopt;
  }

  EtsModel model;
  model.origin = EtsOrigin::Simple;
  model.form.error = seasonal && mult ? EtsError::Multiplicative : EtsError::Additive;
  model.form.trend = spec.trend ? EtsTrend::Additive : EtsTrend::None;
  model.form.season = seasonal ? spec.season : EtsSeason::None;
  model.form.damped = spec.trend && spec.phi < 1.0;
  model.period = seasonal ? m : 1;
  // The state space filter divides by alpha; R's ets() guards refits alike.
  model.params.alpha = std::max(alpha, 1e-10);
  model.params.beta = spec.trend ? alpha * beta : 0.0;
  model.params.gamma = seasonal ? gamma : 0.0;
  model.params.phi = spec.trend ? spec.phi : 1.0;
  // Initial states in R's layout: the season due first goes last.
  model.initialState.push_back(start.level);
  if (spec.trend) model.initialState.push_back(start.trend);
  model.initialState.insert(model.initialState.end(), start.season.rbegin(), start.season.rend());
  model.finalState = pass.finalState;
  model.fitted = pass.fitted;
  model.residuals = pass.residuals;
  std::vector<double> squares(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (model.form.error == EtsError::Multiplicative) model.residuals[i] = pass.residuals[i] / pass.fitted[i];
    squares[i] = model.residuals[i] * model.residuals[i];
  }
  model.sigma2 = rnumerics::mean(squares.data(), n);
  model.nparams = static_cast<int>(x.size()) + 1;
  return model;
}

}  // namespace foresight
