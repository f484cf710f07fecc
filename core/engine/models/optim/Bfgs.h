// Quasi-Newton minimisation by BFGS, step for step as R's optim(method =
// "BFGS") (vmmin in R's optim.c) with its central-difference gradients, plus
// R's optimHess, so models estimated the way R estimates them (stats::arima)
// land where R lands.
#pragma once

#include <functional>
#include <limits>
#include <vector>

namespace foresight::optim {

struct BfgsOptions {
  int maxIterations = 100;                                  // R's maxit
  double absTol = -std::numeric_limits<double>::infinity(); // stop when the value is <= this
  double relTol = 1.490116119384765625e-8;                  // sqrt(DBL_EPSILON)
  std::vector<double> parscale;  // R's parscale; empty = all 1
  std::vector<double> ndeps;     // finite-difference steps (scaled units); empty = all 1e-3
  // Optional: evaluates the objective at `count` points at once (values
  // equal to the objective's). The points of each finite-difference
  // gradient then go through it together.
  std::function<void(int count, const double* const* points, double* values)> batch;
};

enum class BfgsStatus {
  Converged,          // R's convergence = 0
  IterationLimit,     // R's convergence = 1: maxIterations used up
  NonFiniteStart,     // R stops: "initial value in 'vmmin' is not finite"
  NonFiniteGradient,  // R stops: "non-finite finite-difference value"
};

struct BfgsResult {
  std::vector<double> x;  // the minimiser, in the caller's units
  double value = std::numeric_limits<double>::infinity();
  int functionCount = 0;
  int gradientCount = 0;
  BfgsStatus status = BfgsStatus::Converged;
};

class Bfgs {
 public:
  // f(x) with x in the caller's (unscaled) units, x.size() == start.size().
  // The pointer is valid during the call only.
  using Objective = std::function<double(const double* x)>;

  static BfgsResult minimize(const Objective& f, const std::vector<double>& start, const BfgsOptions& options = {});

  // R's optimHess: the Hessian at x (row-major n x n, symmetrised) from
  // central differences of the central-difference gradient. Returns false
  // when a gradient is not finite (R stops there).
  static bool hessian(const Objective& f, const std::vector<double>& x, const BfgsOptions& options,
                      std::vector<double>& out);
};

}  // namespace foresight::optim
