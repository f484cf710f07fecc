#include "engine/models/theta/ThetaState.h"

#include <algorithm>  // std::max
#include <cmath>      // std::pow, std::sqrt
#include <limits>     // std::numeric_limits

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"

namespace foresight {

namespace {
constexpr double kMinAlpha = 1e-10;  // thetaf: pmax(1e-10, alpha) before dividing by it
}  // namespace

std::string_view thetaMethodName(ThetaMethod m) { return m == ThetaMethod::Classic ? "classic" : "standard"; }

std::optional<ThetaMethod> parseThetaMethod(std::string_view text) {
  if (text == "standard") return ThetaMethod::Standard;
  if (text == "classic") return ThetaMethod::Classic;
  return std::nullopt;
}

ThetaLine ThetaLine::fit(const Eigen::VectorXd& x) {
  const Eigen::Index n = x.size();
  ThetaLine line;
  if (n == 0) return line;
  const double tMean = (static_cast<double>(n) + 1.0) / 2.0;
  const double xMean = x.mean();
  double sxy = 0, stt = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double dt = static_cast<double>(i + 1) - tMean;
    sxy += dt * (x[i] - xMean);
    stt += dt * dt;
  }
  line.slope = stt > 0 ? sxy / stt : 0.0;
  line.intercept = xMean - line.slope * tMean;
  return line;
}

Eigen::VectorXd ThetaState::sesInput(ThetaMethod method, const Eigen::VectorXd& x, const ThetaLine& line) {
  if (method == ThetaMethod::Standard) return x;
  Eigen::VectorXd z(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) z[i] = 2.0 * x[i] - line.at(static_cast<double>(i + 1));
  return z;
}

ThetaState ThetaState::make(ThetaMethod method, const ThetaLine& line, long long n, double alpha, double level,
                            double sigma2) {
  ThetaState s;
  s.method_ = method;
  s.line_ = line;
  s.n_ = n;
  s.alpha_ = std::max(kMinAlpha, alpha);
  s.level_ = level;
  s.sigma2_ = sigma2;
  return s;
}

Eigen::VectorXd ThetaState::mean(int h) const {
  Eigen::VectorXd m(h);
  const auto n = static_cast<double>(n_);
  if (method_ == ThetaMethod::Standard) {
    // Hyndman & Billah: the SES forecast plus the trend the SES level lags by.
    const double lag = (1.0 - std::pow(1.0 - alpha_, n)) / alpha_;
    for (int j = 0; j < h; ++j) m[j] = level_ + drift() * (static_cast<double>(j) + lag);
  } else {
    for (int j = 0; j < h; ++j) m[j] = 0.5 * level_ + 0.5 * line_.at(n + static_cast<double>(j + 1));
  }
  return m;
}

Eigen::VectorXd ThetaState::standardErrors(int h) const {
  Eigen::VectorXd se(h);
  const double scale = method_ == ThetaMethod::Classic ? 0.5 : 1.0;
  for (int j = 0; j < h; ++j)
    se[j] = scale * std::sqrt(sigma2_) * std::sqrt(static_cast<double>(j) * alpha_ * alpha_ + 1.0);
  return se;
}

double ThetaState::fittedValue(double sesFitted, long long t) const {
  if (method_ == ThetaMethod::Standard) return sesFitted;
  return 0.5 * sesFitted + 0.5 * line_.at(static_cast<double>(t));
}

void ThetaState::absorb(double x) {
  ++n_;
  const double z = method_ == ThetaMethod::Standard ? x : 2.0 * x - line_.at(static_cast<double>(n_));
  level_ += alpha_ * (z - level_);
}

nlohmann::json ThetaState::toJson() const {
  return {{"method", std::string(thetaMethodName(method_))},
          {"alpha", alpha_},
          {"level", level_},
          {"sigma2", sigma2_},
          {"n", n_},
          {"intercept", line_.intercept},
          {"slope", line_.slope}};
}

ThetaState ThetaState::fromJson(const nlohmann::json& j) {
  const std::string method = json_fields::string(j, "method");
  const auto m = parseThetaMethod(method);
  if (!m) throw InputError(InputLocation{"", 0, "method", method}, "expected standard or classic");
  const double alpha = json_fields::number(j, "alpha");
  if (!(alpha >= kMinAlpha && alpha <= 1))
    throw InputError(InputLocation{"", 0, "alpha", std::to_string(alpha)}, "must lie in (0, 1]");
  const double sigma2 = json_fields::number(j, "sigma2");
  if (sigma2 < 0) throw InputError(InputLocation{"", 0, "sigma2", std::to_string(sigma2)}, "must not be negative");
  const long long n = json_fields::integer(j, "n", 1, std::numeric_limits<int>::max());
  ThetaLine line{json_fields::number(j, "intercept"), json_fields::number(j, "slope")};
  return make(*m, line, n, alpha, json_fields::number(j, "level"), sigma2);
}

}  // namespace foresight
