#include "engine/models/arima/ArimaObjective.h"

#include <algorithm>  // std::fill
#include <cmath>      // std::log, std::isnan

#include "engine/models/arima/ArimaParameters.h"

namespace foresight::arima {

ArimaObjective::ArimaObjective(const ArimaOrder& order, const Eigen::VectorXd& x, const Eigen::MatrixXd& xreg,
                               std::vector<double> fixed, std::vector<double> delta, double kappa)
    : order_(order), x_(x), xreg_(xreg), fixed_(std::move(fixed)), kappa_(kappa) {
  par_ = fixed_;
  for (std::size_t i = 0; i < fixed_.size(); ++i)
    if (std::isnan(fixed_[i])) free_.push_back(static_cast<int>(i));
  scratch_.assign(static_cast<std::size_t>(order_.narma()), 0.0);
  work_.assign(static_cast<std::size_t>(x_.size()), 0.0);
  model_ = makeStateSpace(std::vector<double>(static_cast<std::size_t>(order_.arLength()), 0.0),
                          std::vector<double>(static_cast<std::size_t>(order_.maLength()), 0.0), std::move(delta),
                          kappa_);
  q0_.assign(static_cast<std::size_t>(model_.r() * model_.r()), 0.0);
  // Differencing is linear: difference the series and the regressors once;
  // each CSS evaluation then subtracts the differenced regression.
  const int n = static_cast<int>(x_.size());
  dx_ = x_;
  ArimaCss::difference(order_, dx_.data(), n);
  dxreg_ = xreg_;
  for (Eigen::Index j = 0; j < xreg_.cols(); ++j) ArimaCss::difference(order_, dxreg_.col(j).data(), n);
  css_.setDifferenced(dx_.data(), n);
}

void ArimaObjective::differencedMinusRegression(const double* coef) {
  const Eigen::Index k = dxreg_.cols();
  if (k == 0) return;  // css_ already holds the differenced series
  const int narma = order_.narma();
  double* w = css_.differenced();
  if (k == 1) {  // mean or drift alone: a plain vector operation
    const double b = coef[narma];
    const double* xr = dxreg_.data();
    for (Eigen::Index t = 0; t < dx_.size(); ++t) w[t] = dx_[t] - xr[t] * b;
    return;
  }
  for (Eigen::Index t = 0; t < dx_.size(); ++t) {
    double fit = 0.0;
    for (Eigen::Index j = 0; j < k; ++j) fit += dxreg_(t, j) * coef[narma + j];
    w[t] = dx_[t] - fit;
  }
}

void ArimaObjective::loadFree(const double* freeValues) {
  for (std::size_t i = 0; i < free_.size(); ++i) par_[free_[i]] = freeValues[i];
}

std::vector<double> ArimaObjective::fullCoefficients(const double* freeValues) const {
  std::vector<double> coef = fixed_;
  for (std::size_t i = 0; i < free_.size(); ++i) coef[free_[i]] = freeValues[i];
  return coef;
}

const double* ArimaObjective::seriesMinusRegression() {
  const Eigen::Index k = xreg_.cols();
  if (k == 0) return x_.data();
  const int narma = order_.narma();
  for (Eigen::Index t = 0; t < x_.size(); ++t) {
    double fit = 0.0;
    for (Eigen::Index j = 0; j < k; ++j) fit += xreg_(t, j) * par_[narma + j];
    work_[t] = x_[t] - fit;
  }
  return work_.data();
}

Eigen::VectorXd ArimaObjective::regressionResiduals(const std::vector<double>& coef) const {
  Eigen::VectorXd w = x_;
  const int narma = order_.narma();
  for (Eigen::Index t = 0; t < x_.size(); ++t) {
    double fit = 0.0;
    for (Eigen::Index j = 0; j < xreg_.cols(); ++j) fit += xreg_(t, j) * coef[narma + j];
    w[t] -= fit;
  }
  return w;
}

double ArimaObjective::exactObjective(const double* freeValues, bool transform) {
  loadFree(freeValues);
  expandPolynomials(order_, par_.data(), transform, scratch_.data(), model_.phi.data(), model_.theta.data());
  // A fresh prior every evaluation (R's upARIMA): zero state, the stationary
  // covariance for the ARMA block, kappa on the differencing states.
  const int r = model_.r(), rd = model_.rd();
  std::fill(model_.a.begin(), model_.a.end(), 0.0);
  std::fill(model_.Pn.begin(), model_.Pn.end(), 0.0);
  covariance_.compute(model_.phi.data(), order_.arLength(), model_.theta.data(), order_.maLength(), q0_.data());
  for (int j = 0; j < r; ++j)
    for (int i = 0; i < r; ++i) model_.Pn[i + rd * j] = q0_[i + r * j];
  for (int i = r; i < rd; ++i) model_.Pn[i + rd * i] = kappa_;
  const double* w = seriesMinusRegression();
  const KalmanSums s = filter_.run(w, static_cast<int>(x_.size()), model_, 0);
  const double nu = s.used;
  return 0.5 * (std::log(s.ssq / nu) + s.sumLog / nu);
}

double ArimaObjective::cssObjective(const double* freeValues, int ncond) {
  loadFree(freeValues);
  expandPolynomials(order_, par_.data(), false, scratch_.data(), model_.phi.data(), model_.theta.data());
  differencedMinusRegression(par_.data());
  const double ms =
      css_.meanSquare(model_.phi.data(), order_.arLength(), model_.theta.data(), order_.maLength(), ncond);
  return 0.5 * std::log(ms);
}

void ArimaObjective::cssObjectives(int count, const double* const* freeValues, int ncond, double* out) {
  const auto K = static_cast<std::size_t>(count);
  const int narma = order_.narma(), p = order_.arLength(), q = order_.maLength();
  const auto npar = par_.size(), n = static_cast<std::size_t>(x_.size());
  batchPar_.resize(K * npar);
  batchPhi_.resize(K * static_cast<std::size_t>(p));
  batchTheta_.resize(K * static_cast<std::size_t>(q));
  phiRows_.resize(K);
  thetaRows_.resize(K);
  const Eigen::Index kx = dxreg_.cols();
  if (kx > 0) batchW_.resize(n * K);
  for (std::size_t k = 0; k < K; ++k) {
    double* par = batchPar_.data() + k * npar;
    for (std::size_t i = 0; i < npar; ++i) par[i] = fixed_[i];
    for (std::size_t i = 0; i < free_.size(); ++i) par[free_[i]] = freeValues[k][i];
    double* phi = batchPhi_.data() + k * static_cast<std::size_t>(p);
    double* theta = batchTheta_.data() + k * static_cast<std::size_t>(q);
    phiRows_[k] = phi;
    thetaRows_[k] = theta;
    expandPolynomials(order_, par, false, scratch_.data(), phi, theta);
  }
  if (kx > 0) {
    // The same arithmetic as differencedMinusRegression, point by point,
    // written observation by observation (the layout the batch reads).
    batchB_.resize(K);
    for (std::size_t k = 0; k < K; ++k) batchB_[k] = batchPar_[k * npar + static_cast<std::size_t>(narma)];
    for (std::size_t t = 0; t < n; ++t) {
      const auto tt = static_cast<Eigen::Index>(t);
      double* row = batchW_.data() + t * K;
      if (kx == 1) {
        const double y = dx_[tt], x = dxreg_(tt, 0);
        for (std::size_t k = 0; k < K; ++k) row[k] = y - x * batchB_[k];
        continue;
      }
      for (std::size_t k = 0; k < K; ++k) {
        const double* par = batchPar_.data() + k * npar;
        double fit = 0.0;
        for (Eigen::Index j = 0; j < kx; ++j) fit += dxreg_(tt, j) * par[narma + j];
        row[k] = dx_[tt] - fit;
      }
    }
  }
  batchOut_.resize(K);
  cssBatch_.meanSquares(count, static_cast<int>(n), kx == 0 ? dx_.data() : batchW_.data(), kx == 0, phiRows_.data(),
                        p, thetaRows_.data(), q, ncond, batchOut_.data());
  for (std::size_t k = 0; k < K; ++k) out[k] = 0.5 * std::log(batchOut_[k]);
}

KalmanSums ArimaObjective::filter(const std::vector<double>& coef, ArimaStateSpace& model,
                                  Eigen::VectorXd& residuals) {
  std::vector<double> phi(static_cast<std::size_t>(order_.arLength())), theta(static_cast<std::size_t>(order_.maLength()));
  expandPolynomials(order_, coef.data(), false, scratch_.data(), phi.data(), theta.data());
  model = makeStateSpace(std::move(phi), std::move(theta), model_.delta, kappa_);
  const Eigen::VectorXd w = regressionResiduals(coef);
  residuals.resize(w.size());
  return ArimaKalmanFilter().run(w.data(), static_cast<int>(w.size()), model, 0, residuals.data());
}

double ArimaObjective::cssResiduals(const std::vector<double>& coef, int ncond, Eigen::VectorXd& residuals) {
  std::vector<double> phi(static_cast<std::size_t>(order_.arLength())), theta(static_cast<std::size_t>(order_.maLength()));
  expandPolynomials(order_, coef.data(), false, scratch_.data(), phi.data(), theta.data());
  differencedMinusRegression(coef.data());
  residuals.resize(x_.size());
  return css_.meanSquare(phi.data(), order_.arLength(), theta.data(), order_.maLength(), ncond, residuals.data());
}

}  // namespace foresight::arima
