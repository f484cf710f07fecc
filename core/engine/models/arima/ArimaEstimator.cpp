#include "engine/models/arima/ArimaEstimator.h"

#include <cmath>    // std::log, std::isnan
#include <memory>   // std::make_shared
#include <numbers>  // pi

#include "engine/models/arima/ArimaFitError.h"
#include "engine/models/arima/ArimaObjective.h"
#include "engine/models/arima/ArimaParameters.h"
#include "engine/models/arima/ArimaRegressionStart.h"
#include "engine/models/arima/ArimaVariance.h"
#include "engine/models/optim/Bfgs.h"

namespace foresight::arima {

std::string methodName(ArimaMethod m) {
  switch (m) {
    case ArimaMethod::CssMl: return "CSS-ML";
    case ArimaMethod::Ml: return "ML";
    case ArimaMethod::Css: return "CSS";
  }
  return "CSS-ML";
}

int ArimaEstimate::estimatedCount() const {
  int k = 0;
  for (bool b : mask) k += b ? 1 : 0;
  return k;
}

std::vector<std::string> coefficientNames(const ArimaOrder& o, const std::vector<std::string>& xregNames) {
  std::vector<std::string> names;
  for (int i = 1; i <= o.p; ++i) names.push_back("ar" + std::to_string(i));
  for (int i = 1; i <= o.q; ++i) names.push_back("ma" + std::to_string(i));
  for (int i = 1; i <= o.P; ++i) names.push_back("sar" + std::to_string(i));
  for (int i = 1; i <= o.Q; ++i) names.push_back("sma" + std::to_string(i));
  names.insert(names.end(), xregNames.begin(), xregNames.end());
  return names;
}

namespace {

using optim::Bfgs;
using optim::BfgsOptions;
using optim::BfgsResult;
using optim::BfgsStatus;

std::vector<double> pick(const std::vector<double>& v, const std::vector<bool>& mask) {
  std::vector<double> out;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (mask[i]) out.push_back(v[i]);
  return out;
}

void put(std::vector<double>& v, const std::vector<bool>& mask, const std::vector<double>& values) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (mask[i]) v[i] = values[k++];
}

// Stops where R's optim stops with an error.
void requireUsable(const BfgsResult& r, const char* stage) {
  if (r.status == BfgsStatus::NonFiniteStart)
    throw ArimaFitError(std::string(stage) + ": the objective is not finite at the starting values");
  if (r.status == BfgsStatus::NonFiniteGradient)
    throw ArimaFitError(std::string(stage) + ": a finite-difference gradient is not finite");
}

void flipMa(std::vector<double>& coef, int offset, int count) {
  std::vector<double> ma(coef.begin() + offset, coef.begin() + offset + count);
  ma = invertMa(ma);
  for (int i = 0; i < count; ++i) coef[static_cast<std::size_t>(offset + i)] = ma[static_cast<std::size_t>(i)];
}

// What stats::arima settles before optimising: the regressors (intercept
// first), the method, the free coefficients, their starts and scales.
struct Setup {
  ArimaMethod method = ArimaMethod::CssMl;
  int ncond = 0, nUsed = 0;
  Eigen::MatrixXd xreg;
  std::vector<std::string> xregNames;
  std::vector<double> fixed, init, parscale;
  std::vector<bool> mask;
  bool noOptim = true, transform = false;
  RegressionStart reg;
};

Setup prepare(const Eigen::VectorXd& x, const ArimaRequest& req, std::size_t lost) {
  const ArimaOrder& o = req.order;
  const Eigen::Index n = x.size();
  const int narma = o.narma();
  Setup s;
  s.xreg = req.xreg.cols() > 0 ? req.xreg : Eigen::MatrixXd(n, 0);
  s.xregNames = req.xregNames;
  if (req.includeMean && o.differences() == 0) {
    Eigen::MatrixXd withMean(n, s.xreg.cols() + 1);
    withMean << Eigen::VectorXd::Ones(n), s.xreg;
    s.xreg = std::move(withMean);
    std::vector<std::string> names(1, std::string("intercept"));
    names.insert(names.end(), s.xregNames.begin(), s.xregNames.end());
    s.xregNames = std::move(names);
  }
  const auto k = static_cast<int>(s.xreg.cols());
  const auto npar = static_cast<std::size_t>(narma + k);
  s.method = req.method;
  if (s.method == ArimaMethod::CssMl && (x.hasNaN() || s.xreg.hasNaN())) s.method = ArimaMethod::Ml;
  if (s.method != ArimaMethod::Ml) s.ncond = o.d + o.D * o.period + o.p + o.period * o.P;

  s.fixed = req.fixed;
  if (s.fixed.empty()) s.fixed.assign(npar, std::nan(""));
  if (s.fixed.size() != npar) throw ArimaFitError("wrong number of fixed coefficients");
  s.mask.resize(npar);
  for (std::size_t i = 0; i < npar; ++i) {
    s.mask[i] = std::isnan(s.fixed[i]);
    s.noOptim = s.noOptim && !s.mask[i];
  }
  s.transform = !s.noOptim;
  for (int i = 0; i < o.p; ++i) s.transform = s.transform && s.mask[static_cast<std::size_t>(i)];
  for (int i = 0; i < o.P; ++i) s.transform = s.transform && s.mask[static_cast<std::size_t>(o.p + o.q + i)];

  s.init.assign(static_cast<std::size_t>(narma), 0.0);
  std::vector<double> parscale(static_cast<std::size_t>(narma), 1.0);
  s.nUsed = static_cast<int>((x.array() == x.array()).count()) - static_cast<int>(lost);
  s.reg.rotation = Eigen::MatrixXd::Identity(k, k);
  s.reg.xreg = s.xreg;
  if (k > 0) {
    bool original = k == 1;
    for (int j = 0; j < k; ++j) original = original || !s.mask[static_cast<std::size_t>(narma + j)];
    s.reg = regressionStart(x, s.xreg, o, !original);
    for (int j = 0; j < k; ++j) {
      const auto jj = static_cast<std::size_t>(j);
      const bool usable = std::isfinite(s.reg.init[jj]) && std::isfinite(s.reg.parscale[jj]) && s.reg.parscale[jj] > 0;
      if (s.mask[static_cast<std::size_t>(narma + j)] && !usable)  // R's optim stops on a non-finite scaled start
        throw ArimaFitError("no usable start for '" + s.xregNames[jj] +
                            "' (too few observations, an exact fit or collinear regressors)");
    }
    s.init.insert(s.init.end(), s.reg.init.begin(), s.reg.init.end());
    parscale.insert(parscale.end(), s.reg.parscale.begin(), s.reg.parscale.end());
    int complete = 0;
    for (Eigen::Index t = 0; t < n; ++t) complete += (!std::isnan(x[t]) && s.xreg.row(t).allFinite()) ? 1 : 0;
    s.nUsed = complete - static_cast<int>(lost);
  }
  if (s.nUsed <= 0) throw ArimaFitError("too few non-missing observations");
  s.parscale = pick(parscale, s.mask);
  return s;
}

// The rotation of the regressors over the whole coefficient vector.
Eigen::MatrixXd fullRotation(const Setup& s) {
  const auto npar = static_cast<Eigen::Index>(s.mask.size());
  Eigen::MatrixXd full = Eigen::MatrixXd::Identity(npar, npar);
  full.bottomRightCorner(s.reg.rotation.rows(), s.reg.rotation.cols()) = s.reg.rotation;
  return full;
}

}  // namespace

ArimaEstimate estimateArima(const Eigen::VectorXd& x, const ArimaRequest& req) {
  const ArimaOrder& o = req.order;
  const int narma = o.narma();
  const std::vector<double> delta = differencingPolynomial(o.d, o.D, o.period);
  Setup s = prepare(x, req, delta.size());
  const std::vector<bool>& mask = s.mask;
  auto objective = std::make_shared<ArimaObjective>(o, x, s.reg.xreg, s.fixed, delta, req.kappa);
  int ncond = s.ncond;
  BfgsOptions opts;
  opts.parscale = s.parscale;
  BfgsOptions cssOpts = opts;  // gradients of the CSS objective: all points in one pass
  auto checkCancelled = [&req] {
    if (req.cancel) req.cancel->throwIfCancelled();
  };
  cssOpts.batch = [&](int count, const double* const* points, double* values) {
    checkCancelled();
    objective->cssObjectives(count, points, ncond, values);
  };
  const Bfgs::Objective css = [&](const double* p) {
    checkCancelled();
    return objective->cssObjective(p, ncond);
  };

  std::vector<double> coef = s.fixed, init = s.init, at;
  double value = 0;
  int code = 0;
  ArimaEstimate est;
  ArimaVarianceJob job;
  job.objective = objective;
  job.parscale = s.parscale;
  job.order = o;
  job.nUsed = s.nUsed;
  if (s.reg.rotated) job.rotation = fullRotation(s);

  if (s.method == ArimaMethod::Css) {
    if (s.noOptim) {
      value = objective->cssObjective(nullptr, ncond);
    } else {
      const BfgsResult res = Bfgs::minimize(css, pick(init, mask), cssOpts);
      requireUsable(res, "CSS");
      code = res.status == BfgsStatus::IterationLimit ? 1 : 0;
      value = res.value;
      at = res.x;
      put(coef, mask, res.x);
    }
    job.css = true;
    job.ncond = ncond;
    Eigen::VectorXd filtered;
    objective->filter(coef, est.model, filtered);  // R keeps the filtered state for forecasting
    est.sigma2 = objective->cssResiduals(coef, ncond, est.residuals);
  } else {
    if (s.method == ArimaMethod::CssMl) {
      if (!s.noOptim) {
        const BfgsResult res = Bfgs::minimize(css, pick(init, mask), cssOpts);
        requireUsable(res, "CSS");
        if (res.status == BfgsStatus::Converged) put(init, mask, res.x);
      }
      if (o.p > 0 && !arIsStationary(init.data(), o.p)) throw ArimaFitError("non-stationary AR part from CSS");
      if (o.P > 0 && !arIsStationary(init.data() + o.p + o.q, o.P))
        throw ArimaFitError("non-stationary seasonal AR part from CSS");
      ncond = 0;
    }
    const bool transform = s.transform;
    if (transform) {
      init = inverseTransform(o, init);
      if (o.q > 0) flipMa(init, o.p, o.q);
      if (o.Q > 0) flipMa(init, o.p + o.q + o.P, o.Q);
    }
    const Bfgs::Objective ml = [&](const double* p) {
      checkCancelled();
      return objective->exactObjective(p, transform);
    };
    if (s.noOptim) {
      value = objective->exactObjective(nullptr, false);
    } else {
      const BfgsResult res = Bfgs::minimize(ml, pick(init, mask), opts);
      requireUsable(res, "ML");
      code = res.status == BfgsStatus::IterationLimit ? 1 : 0;
      value = res.value;
      at = res.x;
      put(coef, mask, res.x);
    }
    if (transform) {
      bool maFree = true, smaFree = true;
      for (int i = 0; i < o.q; ++i) maFree = maFree && mask[static_cast<std::size_t>(o.p + i)];
      for (int i = 0; i < o.Q; ++i) smaFree = smaFree && mask[static_cast<std::size_t>(o.p + o.q + o.P + i)];
      if (o.q > 0 && maFree) flipMa(coef, o.p, o.q);
      if (o.Q > 0 && smaFree) flipMa(coef, o.p + o.q + o.P, o.Q);
      if (pick(coef, mask) != at) {  // roots were flipped: R re-evaluates there (optim with maxit = 0)
        at = pick(coef, mask);
        value = ml(at.data());
      }
      job.transform = true;
      job.coefficients = coef;
      coef = undoTransform(o, coef);
    }
    const KalmanSums sums = objective->filter(coef, est.model, est.residuals);
    est.sigma2 = sums.ssq / s.nUsed;
  }
  if (!s.noOptim) {
    job.point = at;
    est.variance = job;
    if (!req.deferVariance) est.varCoef = job();
  }

  const double nUsed = s.nUsed;
  const double value2 = 2 * nUsed * value + nUsed + nUsed * std::log(2 * std::numbers::pi);
  est.order = o;
  est.method = s.method;
  est.names = coefficientNames(o, s.xregNames);
  est.mask = mask;
  est.loglik = -0.5 * value2;
  est.aic = s.method == ArimaMethod::Css ? std::nan("") : value2 + 2 * est.estimatedCount() + 2;
  est.nUsed = s.nUsed;
  est.ncond = ncond;
  est.convergence = code;
  est.xreg = s.xreg;
  if (s.reg.rotated) {
    const auto k = static_cast<int>(s.xreg.cols());
    Eigen::VectorXd b(k);
    for (int j = 0; j < k; ++j) b[j] = coef[static_cast<std::size_t>(narma + j)];
    b = s.reg.rotation * b;
    for (int j = 0; j < k; ++j) coef[static_cast<std::size_t>(narma + j)] = b[j];
  }
  est.coef = coef;
  return est;
}

}  // namespace foresight::arima
