#include "engine/models/ets/EtsEstimator.h"

#include <algorithm>  // std::min, std::max
#include <cmath>      // std::log
#include <limits>     // infinity

#include "engine/models/ets/EtsFilter.h"
#include "engine/models/ets/EtsInitialState.h"
#include "engine/models/ets/EtsObjective.h"
#include "engine/models/ets/RNumerics.h"
#include "engine/models/optim/NelderMead.h"

namespace foresight {

EtsParameters EtsEstimator::startingValues(EtsForm form, int m, const EtsFixed& fixed, std::array<double, 4> lower,
                                           std::array<double, 4> upper, EtsBounds bounds,
                                           EtsAlphaStart alphaStart) {
  if (bounds == EtsBounds::Admissible) {
    // R's initparam() starts near zero when only admissibility bounds apply.
    for (int i = 0; i < 3; ++i) {
      lower[static_cast<std::size_t>(i)] = 0;
      upper[static_cast<std::size_t>(i)] = 1e-3;
    }
  }
  EtsParameters p;
  if (fixed.alpha) {
    p.alpha = *fixed.alpha;
  } else {
    p.alpha = alphaStart == EtsAlphaStart::Forecast82
                  ? std::max(lower[0] + 0.5 * (upper[0] - lower[0]) / m, lower[1] + 2e-3)
                  : lower[0] + 0.2 * (upper[0] - lower[0]) / m;
    if (p.alpha > 1 || p.alpha < 0) p.alpha = lower[0] + 2e-3;
  }
  if (form.hasTrend()) {
    if (fixed.beta) {
      p.beta = *fixed.beta;
    } else {
      upper[1] = std::min(upper[1], p.alpha);
      p.beta = lower[1] + 0.1 * (upper[1] - lower[1]);
      if (p.beta < 0 || p.beta > p.alpha) p.beta = p.alpha - 1e-3;
    }
  }
  if (form.hasSeason()) {
    if (fixed.gamma) {
      p.gamma = *fixed.gamma;
    } else {
      upper[2] = std::min(upper[2], 1 - p.alpha);
      p.gamma = lower[2] + 0.05 * (upper[2] - lower[2]);
      if (p.gamma < 0 || p.gamma > 1 - p.alpha) p.gamma = 1 - p.alpha - 1e-3;
    }
  }
  if (form.damped) {
    if (fixed.phi) {
      p.phi = *fixed.phi;
    } else {
      p.phi = lower[3] + 0.99 * (upper[3] - lower[3]);
      if (p.phi < 0 || p.phi > 1) p.phi = upper[3] - 1e-3;
    }
  }
  return p;
}

EtsEstimate EtsEstimator::fit(const std::vector<double>& y, EtsForm form, int period, const EtsFixed& fixed,
                              const EtsEstimationOptions& options) {
  const int m = form.hasSeason() ? period : 1;
  const int n = static_cast<int>(y.size());
  // Fixed parameters narrow the others' box, as in R's etsmodel().
  std::array<double, 4> lower = options.lower, upper = options.upper;
  if (fixed.alpha) {
    upper[1] = std::min(*fixed.alpha, upper[1]);
    upper[2] = std::min(1 - *fixed.alpha, upper[2]);
  }
  if (fixed.beta) lower[0] = std::max(*fixed.beta, lower[0]);
  if (fixed.gamma) upper[0] = std::min(1 - *fixed.gamma, upper[0]);

  const EtsParameters start = startingValues(form, m, fixed, lower, upper, options.bounds, options.alphaStart);
  const EtsParameterSpace space(form, m, options.bounds, lower, upper);
  if (!space.acceptsStart(start)) return {std::nullopt, "parameters out of range for " + form.label()};

  const std::vector<double> seeds = EtsInitialState::estimate(y, form, period);
  const EtsFreeParameters free{!fixed.alpha, form.hasTrend() && !fixed.beta, form.hasSeason() && !fixed.gamma,
                               form.damped && !fixed.phi};
  std::vector<double> x;
  if (free.alpha) x.push_back(start.alpha);
  if (free.beta) x.push_back(start.beta);
  if (free.gamma) x.push_back(start.gamma);
  if (free.phi) x.push_back(start.phi);
  const int freeSmoothing = static_cast<int>(x.size());
  x.insert(x.end(), seeds.begin(), seeds.end());
  int np = static_cast<int>(x.size());
  if (np >= n - 1)
    return {std::nullopt, "not enough data for " + form.label() + ": " + std::to_string(np) +
                              " parameters need more than " + std::to_string(np + 1) + " observations, got " +
                              std::to_string(n)};

  EtsParameters fixedValues = start;  // fixed values, and the defaults of absent parameters
  if (!form.hasTrend()) fixedValues.beta = 0;
  if (!form.hasSeason()) fixedValues.gamma = 0;
  if (!form.damped) fixedValues.phi = 1;
  EtsObjective objective(y, form, period, space, free, fixedValues, static_cast<int>(seeds.size()),
                         options.criterion, options.nmse);
  optim::NelderMeadOptions nm;
  nm.maxEvaluations = options.maxEvaluations;
  const optim::NelderMeadResult best =
      optim::NelderMead::minimize([&objective](const double* v) { return objective(v); }, x, nm);
  if (best.status == optim::NelderMeadStatus::InvalidStart)
    return {std::nullopt, form.label() + ": the criterion cannot be evaluated at the initial parameters"};

  EtsModel model;
  model.form = form;
  model.period = m;
  model.params = objective.parameters(best.x.data());
  model.initialState = objective.initialState(best.x.data());
  model.evaluations = best.evaluations;
  model.converged = best.status == optim::NelderMeadStatus::Converged;
  model.residuals.resize(y.size());
  model.fitted.resize(y.size());
  EtsFilter filter(form, m);
  filter.setState(model.initialState.data());
  const EtsPass pass = filter.run(y.data(), n, model.params, 1, model.residuals.data(), model.fitted.data());
  model.finalState = filter.state();

  np += 1;  // sigma
  // A perfect fit has lik = -inf; keep the optimiser's floor so the criteria
  // stay finite. NaN stays NaN: the search then skips the form, as R does.
  model.lik = pass.lik == -std::numeric_limits<double>::infinity() ? -1e10 : pass.lik;
  model.logLik = -0.5 * model.lik;
  model.aic = model.lik + 2 * np;
  model.bic = model.lik + std::log(static_cast<double>(n)) * np;
  model.aicc = model.aic + 2.0 * np * (np + 1) / (n - np - 1);
  model.nparams = np;
  // R's ets(): residual variance over n minus every parameter (free,
  // fixed and initial states), summed as sum() does.
  std::vector<double> squares(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) squares[i] = model.residuals[i] * model.residuals[i];
  const int counted = freeSmoothing + static_cast<int>(seeds.size()) + (model.smoothingCount() - freeSmoothing);
  model.sigma2 = rnumerics::sum(squares.data(), squares.size()) / std::max(1, n - counted);
  return {std::move(model), {}};
}

}  // namespace foresight
