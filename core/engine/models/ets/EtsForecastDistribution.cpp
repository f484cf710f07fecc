#include "engine/models/ets/EtsForecastDistribution.h"

#include <Eigen/Dense>

#include "engine/common/Errors.h"

namespace foresight {

namespace {
Eigen::MatrixXd kron(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  Eigen::MatrixXd k(a.rows() * b.rows(), a.cols() * b.cols());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < a.cols(); ++j) k.block(i * b.rows(), j * b.cols(), b.rows(), b.cols()) = a(i, j) * b;
  return k;
}
}  // namespace

void EtsForecastDistribution::compute(const EtsModel& model, int h, Eigen::VectorXd& mean, Eigen::VectorXd& variance) {
  const EtsForm& f = model.form;
  if (f.season == EtsSeason::Multiplicative) {
    multiplicativeSeason(model, h, mean, variance);
  } else if (f.error == EtsError::Multiplicative) {
    multiplicativeError(model, h, mean, variance);
  } else {
    Eigen::VectorXd c;
    linear(model, h, mean, variance, c);
  }
}

void EtsForecastDistribution::linear(const EtsModel& model, int h, Eigen::VectorXd& mean, Eigen::VectorXd& var,
                                     Eigen::VectorXd& c) {
  const EtsForm& form = model.form;
  const EtsParameters& par = model.params;
  const auto p = static_cast<Eigen::Index>(model.finalState.size());
  const Eigen::Index m = model.period;
  if (p == 0) throw Error("ETS model without states");
  const Eigen::Map<const Eigen::VectorXd> x(model.finalState.data(), p);
  const double phi = form.damped ? par.phi : 1.0;
  // y(t) = H x(t-1) + e, x(t) = F x(t-1) + G e.
  Eigen::RowVectorXd hRow = Eigen::RowVectorXd::Zero(p);
  Eigen::MatrixXd fMat = Eigen::MatrixXd::Zero(p, p);
  Eigen::VectorXd g = par.alpha * Eigen::VectorXd::Unit(p, 0);
  hRow[0] = 1;
  fMat(0, 0) = 1;
  if (form.hasTrend()) {
    hRow[1] = phi;
    fMat(0, 1) = fMat(1, 1) = phi;
    g[1] = par.beta;
  }
  if (form.season == EtsSeason::Additive) {
    hRow[p - 1] = 1;
    fMat(p - m, p - 1) = 1;
    fMat.block(p - m + 1, p - m, m - 1, m - 1).setIdentity();
    g[p - m] = par.gamma;
  }
  mean.resize(h);
  c.resize(h);
  var.resize(h);
  Eigen::RowVectorXd hf = hRow;  // H F^j
  double cumulative = 0;
  for (int j = 0; j < h; ++j) {
    mean[j] = hf.dot(x);
    c[j] = hf.dot(g);
    var[j] = model.sigma2 * (1 + cumulative);
    cumulative += c[j] * c[j];
    hf = hf * fMat;
  }
}

void EtsForecastDistribution::multiplicativeError(const EtsModel& model, int h, Eigen::VectorXd& mean,
                                                  Eigen::VectorXd& var) {
  Eigen::VectorXd c;
  linear(model, h, mean, var, c);
  const double s2 = model.sigma2;
  Eigen::VectorXd theta(h);
  for (int j = 0; j < h; ++j) {
    double sum = 0;
    for (int k = 0; k < j; ++k) sum += c[k] * c[k] * theta[j - 1 - k];
    theta[j] = mean[j] * mean[j] + s2 * sum;
    var[j] = (1 + s2) * theta[j] - mean[j] * mean[j];
  }
}

void EtsForecastDistribution::multiplicativeSeason(const EtsModel& model, int h, Eigen::VectorXd& mean,
                                                   Eigen::VectorXd& var) {
  const EtsForm& form = model.form;
  const EtsParameters& par = model.params;
  const Eigen::Index m = model.period;
  const Eigen::Index q = form.hasTrend() ? 2 : 1;
  const double phi = form.damped ? par.phi : 1.0;
  const double s2 = model.sigma2;
  // Level/slope x1 and seasonal x2 states; the forecast is (H1 x1)(H2 x2).
  Eigen::MatrixXd h1(1, q), f1(q, q), g1(q, q);
  if (q == 1) {
    h1 << 1;
    f1 << 1;
    g1 << par.alpha;
  } else {
    h1 << 1, phi;
    f1 << 1, phi, 0, phi;
    g1 << par.alpha, par.alpha * phi, par.beta, par.beta * phi;
  }
  Eigen::MatrixXd h2 = Eigen::MatrixXd::Zero(1, m);
  h2(0, m - 1) = 1;
  Eigen::MatrixXd f2 = Eigen::MatrixXd::Zero(m, m);
  f2(0, m - 1) = 1;
  f2.block(1, 0, m - 1, m - 1).setIdentity();
  Eigen::MatrixXd g2 = Eigen::MatrixXd::Zero(m, m);
  g2(0, m - 1) = par.gamma;

  const Eigen::Map<const Eigen::VectorXd> x1(model.finalState.data(), q);
  const Eigen::Map<const Eigen::VectorXd> x2(model.finalState.data() + q, m);
  Eigen::MatrixXd mh = x1 * x2.transpose();
  Eigen::MatrixXd vh = Eigen::MatrixXd::Zero(q * m, q * m);
  const Eigen::MatrixXd h21 = kron(h2, h1), f21 = kron(f2, f1), g21 = kron(g2, g1);
  const Eigen::MatrixXd k = kron(g2, f1) + kron(f2, g1);
  mean.resize(h);
  var.resize(h);
  for (int i = 0; i < h; ++i) {
    const double mu = (h1 * mh * h2.transpose())(0, 0);
    mean[i] = mu;
    var[i] = (1 + s2) * (h21 * vh * h21.transpose())(0, 0) + s2 * mu * mu;
    const Eigen::Map<const Eigen::VectorXd> vecM(mh.data(), mh.size());
    const Eigen::MatrixXd outer = vecM * vecM.transpose();
    vh = f21 * vh * f21.transpose() +
         s2 * (f21 * vh * g21.transpose() + g21 * vh * f21.transpose() + k * (vh + outer) * k.transpose() +
               s2 * g21 * (3 * vh + 2 * outer) * g21.transpose());
    mh = f1 * mh * f2.transpose() + g1 * mh * g2.transpose() * s2;
  }
}

}  // namespace foresight
