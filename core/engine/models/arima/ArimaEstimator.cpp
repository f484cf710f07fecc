#include "engine/models/arima/ArimaEstimator.h"

#include <cmath>  // std::log, std::isnan, M_PI
#include <numbers>

#include "engine/models/arima/ArimaFitError.h"
#include "engine/models/arima/ArimaObjective.h"
#include "engine/models/arima/ArimaParameters.h"
#include "engine/models/arima/ArimaRegressionStart.h"
#include "engine/models/arima/CheckedSolve.h"
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

Eigen::MatrixXd hessianTimes(const Bfgs::Objective& f, const std::vector<double>& x, const BfgsOptions& opts,
                             double nUsed) {
  std::vector<double> h;
  if (!Bfgs::hessian(f, x, opts, h)) throw ArimaFitError("the Hessian has a non-finite finite difference");
  const auto n = static_cast<Eigen::Index>(x.size());
  Eigen::MatrixXd H(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) H(i, j) = h[static_cast<std::size_t>(i * n + j)] * nUsed;
  return H;
}

Eigen::MatrixXd inverseOrThrow(const Eigen::MatrixXd& H, const Eigen::MatrixXd& B) {
  Eigen::MatrixXd X;
  if (!solveChecked(H, B, X)) throw ArimaFitError("the Hessian of the likelihood is singular");
  return X;
}

void flipMa(std::vector<double>& coef, int offset, int count) {
  std::vector<double> ma(coef.begin() + offset, coef.begin() + offset + count);
  ma = invertMa(ma);
  for (int i = 0; i < count; ++i) coef[static_cast<std::size_t>(offset + i)] = ma[static_cast<std::size_t>(i)];
}

}  // namespace

ArimaEstimate estimateArima(const Eigen::VectorXd& x, const ArimaRequest& req) {
  const ArimaOrder& o = req.order;
  const Eigen::Index n = x.size();
  const std::vector<double> delta = differencingPolynomial(o.d, o.D, o.period);
  const int narma = o.narma();

  Eigen::MatrixXd xreg = req.xreg.cols() > 0 ? req.xreg : Eigen::MatrixXd(n, 0);
  std::vector<std::string> xregNames = req.xregNames;
  if (req.includeMean && o.differences() == 0) {
    Eigen::MatrixXd withMean(n, xreg.cols() + 1);
    withMean << Eigen::VectorXd::Ones(n), xreg;
    xreg = std::move(withMean);
    xregNames.insert(xregNames.begin(), "intercept");
  }
  const auto k = static_cast<int>(xreg.cols());
  const auto npar = static_cast<std::size_t>(narma + k);

  ArimaMethod method = req.method;
  if (method == ArimaMethod::CssMl && (x.hasNaN() || xreg.hasNaN())) method = ArimaMethod::Ml;
  int ncond = 0;
  if (method != ArimaMethod::Ml) ncond = o.d + o.D * o.period + o.p + o.period * o.P;

  std::vector<double> fixed = req.fixed;
  if (fixed.empty()) fixed.assign(npar, std::nan(""));
  if (fixed.size() != npar) throw ArimaFitError("wrong number of fixed coefficients");
  std::vector<bool> mask(npar);
  for (std::size_t i = 0; i < npar; ++i) mask[i] = std::isnan(fixed[i]);
  bool noOptim = true;
  for (bool b : mask) noOptim = noOptim && !b;
  bool transform = !noOptim;
  for (int i = 0; i < o.p; ++i) transform = transform && mask[static_cast<std::size_t>(i)];
  for (int i = 0; i < o.P; ++i) transform = transform && mask[static_cast<std::size_t>(o.p + o.q + i)];

  std::vector<double> init(static_cast<std::size_t>(narma), 0.0), parscale(static_cast<std::size_t>(narma), 1.0);
  int nUsed = static_cast<int>((x.array() == x.array()).count()) - static_cast<int>(delta.size());
  RegressionStart reg;
  reg.rotation = Eigen::MatrixXd::Identity(k, k);
  reg.xreg = xreg;
  if (k > 0) {
    bool original = k == 1;
    for (int j = 0; j < k; ++j) original = original || !mask[static_cast<std::size_t>(narma + j)];
    reg = regressionStart(x, xreg, o, !original);
    for (int j = 0; j < k; ++j) {
      const auto jj = static_cast<std::size_t>(j);
      const bool usable = std::isfinite(reg.init[jj]) && std::isfinite(reg.parscale[jj]) && reg.parscale[jj] > 0;
      if (mask[static_cast<std::size_t>(narma + j)] && !usable)  // R's optim stops on a non-finite scaled start
        throw ArimaFitError("no usable start for '" + xregNames[jj] +
                            "' (too few observations, an exact fit or collinear regressors)");
    }
    init.insert(init.end(), reg.init.begin(), reg.init.end());
    parscale.insert(parscale.end(), reg.parscale.begin(), reg.parscale.end());
    int complete = 0;
    for (Eigen::Index t = 0; t < n; ++t) complete += (!std::isnan(x[t]) && xreg.row(t).allFinite()) ? 1 : 0;
    nUsed = complete - static_cast<int>(delta.size());
  }
  if (nUsed <= 0) throw ArimaFitError("too few non-missing observations");

  ArimaObjective objective(o, x, reg.xreg, fixed, delta, req.kappa);
  BfgsOptions opts;
  opts.parscale = pick(parscale, mask);
  std::vector<double> coef = fixed;
  double value = 0;
  int code = 0;
  Eigen::MatrixXd var;
  ArimaEstimate est;

  const Bfgs::Objective css = [&](const double* p) { return objective.cssObjective(p, ncond); };
  BfgsOptions cssOpts = opts;  // gradients of the CSS objective: all points in one pass
  cssOpts.batch = [&](int count, const double* const* points, double* values) {
    objective.cssObjectives(count, points, ncond, values);
  };
  if (method == ArimaMethod::Css) {
    if (noOptim) {
      value = objective.cssObjective(nullptr, ncond);
    } else {
      const BfgsResult res = Bfgs::minimize(css, pick(init, mask), cssOpts);
      requireUsable(res, "CSS");
      code = res.status == BfgsStatus::IterationLimit ? 1 : 0;
      value = res.value;
      put(coef, mask, res.x);
      const Eigen::MatrixXd H = hessianTimes(css, res.x, cssOpts, nUsed);
      var = inverseOrThrow(H, Eigen::MatrixXd::Identity(H.rows(), H.cols()));
    }
    Eigen::VectorXd filtered;
    objective.filter(coef, est.model, filtered);  // R keeps the filtered state for forecasting
    est.sigma2 = objective.cssResiduals(coef, ncond, est.residuals);
  } else {
    if (method == ArimaMethod::CssMl) {
      if (!noOptim) {
        const BfgsResult res = Bfgs::minimize(css, pick(init, mask), cssOpts);
        requireUsable(res, "CSS");
        if (res.status == BfgsStatus::Converged) put(init, mask, res.x);
      }
      if (o.p > 0 && !arIsStationary(init.data(), o.p)) throw ArimaFitError("non-stationary AR part from CSS");
      if (o.P > 0 && !arIsStationary(init.data() + o.p + o.q, o.P))
        throw ArimaFitError("non-stationary seasonal AR part from CSS");
      ncond = 0;
    }
    if (transform) {
      init = inverseTransform(o, init);
      if (o.q > 0) flipMa(init, o.p, o.q);
      if (o.Q > 0) flipMa(init, o.p + o.q + o.P, o.Q);
    }
    const Bfgs::Objective ml = [&](const double* p) { return objective.exactObjective(p, transform); };
    std::vector<double> at;
    if (noOptim) {
      value = objective.exactObjective(nullptr, false);
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
      if (pick(coef, mask) != at) {  // roots were flipped: the value there
        at = pick(coef, mask);
        value = ml(at.data());
      }
      const Eigen::MatrixXd H = hessianTimes(ml, at, opts, nUsed);
      const Eigen::MatrixXd J = transformJacobian(o, coef);
      Eigen::MatrixXd A(H.rows(), H.cols());
      const std::vector<int>& idx = objective.freeIndex();
      for (std::size_t i = 0; i < idx.size(); ++i)
        for (std::size_t j = 0; j < idx.size(); ++j)
          A(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = J(idx[i], idx[j]);
      var = A.transpose() * inverseOrThrow(H, A);
      coef = undoTransform(o, coef);
    } else if (!noOptim) {
      const Eigen::MatrixXd H = hessianTimes(ml, at, opts, nUsed);
      var = inverseOrThrow(H, Eigen::MatrixXd::Identity(H.rows(), H.cols()));
    }
    const KalmanSums sums = objective.filter(coef, est.model, est.residuals);
    est.sigma2 = sums.ssq / nUsed;
  }

  const double twoPi = 2 * std::numbers::pi;
  const double value2 = 2 * nUsed * value + nUsed + nUsed * std::log(twoPi);
  est.order = o;
  est.method = method;
  est.names = coefficientNames(o, xregNames);
  est.mask = mask;
  est.loglik = -0.5 * value2;
  est.aic = method == ArimaMethod::Css ? std::nan("") : value2 + 2 * est.estimatedCount() + 2;
  est.nUsed = nUsed;
  est.ncond = ncond;
  est.convergence = code;
  est.xreg = xreg;
  if (reg.rotated) {
    Eigen::VectorXd b(k);
    for (int j = 0; j < k; ++j) b[j] = coef[static_cast<std::size_t>(narma + j)];
    b = reg.rotation * b;
    for (int j = 0; j < k; ++j) coef[static_cast<std::size_t>(narma + j)] = b[j];
    Eigen::MatrixXd full = Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(npar), static_cast<Eigen::Index>(npar));
    full.bottomRightCorner(k, k) = reg.rotation;
    const std::vector<int>& idx = objective.freeIndex();
    const auto m = static_cast<Eigen::Index>(idx.size());
    Eigen::MatrixXd A(m, m);
    for (Eigen::Index i = 0; i < m; ++i)
      for (Eigen::Index j = 0; j < m; ++j) A(i, j) = full(idx[static_cast<std::size_t>(i)], idx[static_cast<std::size_t>(j)]);
    var = A * var * A.transpose();
  }
  est.coef = coef;
  est.varCoef = var;
  return est;
}

}  // namespace foresight::arima
