// The maximum a posteriori fit of calendar_regression's linear model under
// Prophet's priors: Gaussian on the level, slope, seasonal and holiday
// coefficients, Laplace (an L1 penalty) on the changepoints' slope changes,
// and the noise scale estimated jointly (half-normal(0, 0.5) prior).
#pragma once

#include <Eigen/Core>
#include <vector>

namespace foresight {

struct CoefficientPrior {
  enum Kind { Gaussian, Laplace } kind = Gaussian;
  double scale = 1;  // sd of the normal, or scale b of the Laplace (density exp(-|x| / b) / 2b)
};

class PenalizedRegression {
 public:
  // x: n rows; priors: one per column. Solved by iteratively reweighted
  // ridge regressions (each an SPD solve with Eigen's LLT): |d| is majorised
  // by d^2 / (2 sqrt(d0^2 + eps^2)) at the previous estimate d0, which
  // decreases the posterior at every step, and sigma takes its conditional
  // maximum in between. Stops when no coefficient moves by more than 1e-9
  // (x and y are expected on a unit scale) or after 1000 rounds.
  static PenalizedRegression fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                 const std::vector<CoefficientPrior>& priors);

  const Eigen::VectorXd& coefficients() const { return beta_; }
  // The noise scale the posterior settled on.
  double sigma() const { return sigma_; }
  int iterations() const { return iterations_; }

 private:
  Eigen::VectorXd beta_;
  double sigma_ = 0;
  int iterations_ = 0;
};

}  // namespace foresight
