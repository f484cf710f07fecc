#include "engine/models/arima/ArimaModel.h"

#include <algorithm>  // std::max, std::find
#include <cmath>      // std::log, std::sqrt, std::isfinite

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/arima/ArimaKalmanFilter.h"
#include "engine/models/arima/ArimaParameters.h"

namespace foresight::arima {

namespace {
[[noreturn]] void bad(const std::string& field, const std::string& problem) {
  throw InputError(InputLocation{"", 0, field, ""}, problem);
}
}  // namespace

ArimaModel ArimaModel::fromEstimate(const ArimaEstimate& e, int n) {
  ArimaModel m;
  m.order_ = e.order;
  m.method_ = e.method;
  m.names_ = e.names;
  m.coef_ = e.coef;
  m.estimated_ = e.estimatedCount();
  m.state_ = e.model;
  m.residuals_ = e.residuals;
  m.seen_ = n;
  m.locateRegressors();

  const double npar = m.estimated_ + 1;
  const double nstar = n - e.order.lostObservations();
  double ssq = 0;
  for (Eigen::Index i = 0; i < e.residuals.size(); ++i)
    if (!std::isnan(e.residuals[i])) ssq += e.residuals[i] * e.residuals[i];
  m.sigma2_ = ssq / (nstar - npar + 1);
  FitStatistics& s = m.stats_;
  s.logLikelihood = e.loglik;
  s.aic = e.aic;
  s.aicc = e.aic + 2 * npar * (nstar / (nstar - npar - 1) - 1);
  s.bic = e.aic + npar * (std::log(nstar) - 2);
  s.sigma2 = m.sigma2_;
  s.nobs = e.nUsed;
  s.nparams = static_cast<int>(npar);
  return m;
}

void ArimaModel::locateRegressors() {
  interceptIndex_ = driftIndex_ = -1;
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == "intercept") interceptIndex_ = static_cast<int>(i);
    if (names_[i] == "drift") driftIndex_ = static_cast<int>(i);
  }
}

double ArimaModel::coefficient(const std::string& name) const {
  const auto it = std::find(names_.begin(), names_.end(), name);
  return it == names_.end() ? std::nan("") : coef_[static_cast<std::size_t>(it - names_.begin())];
}

std::string ArimaModel::label() const {
  std::string s = order_.label();
  // R names the model after its regressors (xreg = the drift column; an
  // intercept lives inside stats::arima and is not one of them).
  if (hasDrift()) return s + " with drift";
  if (hasIntercept()) return s + " with non-zero mean";
  if (order_.d == 0 && order_.D == 0) return s + " with zero mean";
  return s;
}

double ArimaModel::regressionAt(long long t) const {
  double v = 0;
  if (interceptIndex_ >= 0) v += coef_[static_cast<std::size_t>(interceptIndex_)];
  if (driftIndex_ >= 0) v += coef_[static_cast<std::size_t>(driftIndex_)] * static_cast<double>(t);
  return v;
}

void ArimaModel::forecast(int horizon, Eigen::VectorXd& mean, Eigen::VectorXd& se) const {
  mean.resize(horizon);
  Eigen::VectorXd var(horizon);
  kalmanForecast(state_, horizon, mean.data(), var.data());
  se.resize(horizon);
  for (int i = 0; i < horizon; ++i) {
    mean[i] += regressionAt(seen_ + i + 1);
    se[i] = std::sqrt(std::max(0.0, var[i] * sigma2_));
  }
}

void ArimaModel::update(const Eigen::VectorXd& newer) {
  Eigen::VectorXd w(newer.size());
  for (Eigen::Index i = 0; i < newer.size(); ++i) w[i] = newer[i] - regressionAt(seen_ + i + 1);
  // Continue from the filtered state: every step predicts (skipUntil = -1).
  ArimaKalmanFilter().run(w.data(), static_cast<int>(w.size()), state_, -1);
  seen_ += newer.size();
}

nlohmann::json ArimaModel::params() const {
  nlohmann::json p = nlohmann::json::object();
  p["model"] = label();
  p["p"] = order_.p;
  p["d"] = order_.d;
  p["q"] = order_.q;
  p["P"] = order_.P;
  p["D"] = order_.D;
  p["Q"] = order_.Q;
  p["period"] = order_.period;
  p["method"] = methodName(method_);
  for (std::size_t i = 0; i < names_.size(); ++i) p[names_[i]] = coef_[i];
  p["sigma2"] = sigma2_;
  return p;
}

nlohmann::json ArimaModel::toJson() const {
  return {{"order",
           {{"p", order_.p}, {"d", order_.d}, {"q", order_.q}, {"P", order_.P}, {"D", order_.D}, {"Q", order_.Q},
            {"period", order_.period}}},
          {"method", methodName(method_)},
          {"names", names_},
          {"coef", json_fields::toJson(Eigen::Map<const Eigen::VectorXd>(coef_.data(), static_cast<Eigen::Index>(coef_.size())))},
          {"estimated", estimated_},
          {"sigma2", sigma2_},
          {"seen", seen_},
          {"a", state_.a},
          {"P", state_.P}};
}

void ArimaModel::rebuildPolynomials() {
  std::vector<double> phi(static_cast<std::size_t>(order_.arLength())), theta(static_cast<std::size_t>(order_.maLength()));
  std::vector<double> scratch(static_cast<std::size_t>(order_.narma()));
  expandPolynomials(order_, coef_.data(), false, scratch.data(), phi.data(), theta.data());
  const std::vector<double> a = state_.a, P = state_.P;
  // makeStateSpace pads theta and sizes the state exactly as the fit did.
  state_ = makeStateSpace(std::move(phi), std::move(theta), differencingPolynomial(order_.d, order_.D, order_.period), 1.0);
  if (a.size() != state_.a.size())
    bad("a", "holds " + std::to_string(a.size()) + " values; the model's state has " + std::to_string(state_.a.size()));
  if (P.size() != state_.P.size())
    bad("P", "holds " + std::to_string(P.size()) + " values; the model's state covariance has " +
                 std::to_string(state_.P.size()));
  state_.a = a;
  state_.P = P;
}

ArimaModel ArimaModel::fromJson(const nlohmann::json& j) {
  ArimaModel m;
  const auto& o = json_fields::field(j, "order");
  json_fields::underPath("order", [&] {
    m.order_.p = json_fields::integer(o, "p", 0, kMaxTransformedOrder);
    m.order_.d = json_fields::integer(o, "d", 0, 3);
    m.order_.q = json_fields::integer(o, "q", 0, kMaxTransformedOrder);
    m.order_.P = json_fields::integer(o, "P", 0, kMaxTransformedOrder);
    m.order_.D = json_fields::integer(o, "D", 0, 2);
    m.order_.Q = json_fields::integer(o, "Q", 0, kMaxTransformedOrder);
    m.order_.period = json_fields::integer(o, "period", 1, 10000);
  });
  const std::string method = json_fields::string(j, "method");
  if (method == "CSS-ML") m.method_ = ArimaMethod::CssMl;
  else if (method == "ML") m.method_ = ArimaMethod::Ml;
  else if (method == "CSS") m.method_ = ArimaMethod::Css;
  else bad("method", "'" + method + "' is not CSS-ML, ML or CSS");

  const auto& names = json_fields::field(j, "names");
  if (!names.is_array()) bad("names", "expected an array of coefficient names");
  for (const auto& n : names) {
    if (!n.is_string()) bad("names", "expected an array of coefficient names");
    m.names_.push_back(n.get<std::string>());
  }
  const Eigen::VectorXd coef = json_fields::finiteVector(j, "coef");
  if (static_cast<std::size_t>(coef.size()) != m.names_.size())
    bad("coef", "holds " + std::to_string(coef.size()) + " values for " + std::to_string(m.names_.size()) + " names");
  m.coef_.assign(coef.data(), coef.data() + coef.size());
  m.locateRegressors();
  std::vector<std::string> regressors;
  if (m.hasIntercept()) regressors.push_back("intercept");
  if (m.hasDrift()) regressors.push_back("drift");
  const std::vector<std::string> expectedNames = coefficientNames(m.order_, regressors);
  if (expectedNames != m.names_) {
    std::string list;
    for (const auto& n : expectedNames) list += (list.empty() ? "" : ", ") + n;
    bad("names", "do not fit the order " + m.order_.label() + "; expected [" + list + "]");
  }
  const int expected = static_cast<int>(expectedNames.size());
  m.estimated_ = json_fields::integer(j, "estimated", 0, expected);
  m.sigma2_ = json_fields::number(j, "sigma2");
  if (m.sigma2_ < 0) bad("sigma2", "is negative");
  const auto& seen = json_fields::field(j, "seen");
  if (!seen.is_number_integer() || seen.get<long long>() < 1) bad("seen", "expected a positive whole number");
  m.seen_ = seen.get<long long>();
  const Eigen::VectorXd a = json_fields::finiteVector(j, "a");
  const Eigen::VectorXd P = json_fields::finiteVector(j, "P");
  m.state_.a.assign(a.data(), a.data() + a.size());
  m.state_.P.assign(P.data(), P.data() + P.size());
  m.rebuildPolynomials();
  return m;
}

}  // namespace foresight::arima
