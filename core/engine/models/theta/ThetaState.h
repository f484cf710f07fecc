// The learned state of the Theta method on seasonally adjusted data, and the
// arithmetic that turns it into forecasts: either R's forecast::thetaf (SES
// with drift, Hyndman & Billah 2003) or the M4 organisers' Theta.classic
// (SES on the theta-2 line, averaged with the theta-0 line).
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace foresight {

enum class ThetaMethod {
  // forecast::thetaf: SES fitted on the data; forecasts are the SES level plus
  // a drift of half the least-squares slope, b/2 * (h - 1 + (1 - (1-alpha)^n) / alpha).
  Standard,
  // The M4 benchmark: theta line 0 is the least-squares line over t = 1..n,
  // theta line 2 is 2 y - line 0; SES is fitted on line 2; forecasts are the
  // mean of both lines' extrapolations, negative ones set to zero.
  Classic,
};

std::string_view thetaMethodName(ThetaMethod m);  // "standard", "classic"
std::optional<ThetaMethod> parseThetaMethod(std::string_view text);

// Intercept and slope of the least-squares line through (t, x_t), t = 1..n.
struct ThetaLine {
  double intercept = 0;
  double slope = 0;
  double at(double t) const { return intercept + slope * t; }
  // One value: a flat line through it.
  static ThetaLine fit(const Eigen::VectorXd& x);
};

class ThetaState {
 public:
  ThetaState() = default;

  // The series SES is fitted on: x itself (standard) or 2 x - line (classic).
  static Eigen::VectorXd sesInput(ThetaMethod method, const Eigen::VectorXd& x, const ThetaLine& line);

  // From SES fitted on sesInput(): its alpha, final level and sigma2.
  // n is the number of observations; alpha is kept at 1e-10 or above (thetaf).
  static ThetaState make(ThetaMethod method, const ThetaLine& line, long long n, double alpha, double level,
                         double sigma2);

  ThetaMethod method() const { return method_; }
  double alpha() const { return alpha_; }
  double level() const { return level_; }       // SES level (of line 2 for classic)
  double sigma2() const { return sigma2_; }     // SES one-step error variance
  long long n() const { return n_; }
  const ThetaLine& line() const { return line_; }
  // thetaf's drift: half the slope (standard only; 0 for classic).
  double drift() const { return method_ == ThetaMethod::Standard ? line_.slope / 2 : 0.0; }

  // Point forecasts 1..h ahead on the adjusted scale (classic: not clipped).
  Eigen::VectorXd mean(int h) const;
  // Standard errors of those forecasts, from the SES model: thetaf's
  // sqrt(sigma2 (1 + (j - 1) alpha^2)); classic halves it, since its
  // forecast of y is half the SES forecast of line 2 (+ a fixed line).
  Eigen::VectorXd standardErrors(int h) const;
  // In-sample one-step fit of observation t (1-based) given SES's one-step
  // forecast of it (thetaf: the SES fit alone; classic: the mean with line 0).
  double fittedValue(double sesFitted, long long t) const;

  // One more (adjusted) observation, parameters fixed.
  void absorb(double x);

  nlohmann::json toJson() const;
  // InputError naming the field on anything toJson() could not have written.
  static ThetaState fromJson(const nlohmann::json& j);

 private:
  ThetaMethod method_ = ThetaMethod::Standard;
  ThetaLine line_;
  long long n_ = 0;
  double alpha_ = 1;
  double level_ = 0;
  double sigma2_ = 0;
};

}  // namespace foresight
