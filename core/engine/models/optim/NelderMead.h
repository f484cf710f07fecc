// Derivative-free minimisation by the Nelder-Mead simplex, step for step as
// R's optim(method = "Nelder-Mead") (nmmin in R's optim.c), so that models
// estimated the way R estimates them land where R lands.
#pragma once

#include <functional>
#include <limits>
#include <vector>

namespace foresight::optim {

struct NelderMeadOptions {
  double absTol = -std::numeric_limits<double>::infinity();  // stop when the best value is <= this
  double relTol = 1.490116119384765625e-8;  // sqrt(DBL_EPSILON): stop when the simplex values agree
  double reflection = 1.0;                  // R's alpha
  double contraction = 0.5;                 // R's beta (also the shrink factor)
  double expansion = 2.0;                   // R's gamma
  int maxEvaluations = 500;                 // R's maxit counts function evaluations
};

enum class NelderMeadStatus {
  Converged,          // R's fail = 0
  EvaluationLimit,    // R's fail = 1: maxEvaluations used up
  ShrinkFailed,       // R's fail = 10: a shrink did not reduce the simplex
  InvalidStart,       // the objective is not finite at the start (R stops with an error)
};

struct NelderMeadResult {
  std::vector<double> x;  // the best vertex
  double value = std::numeric_limits<double>::infinity();
  int evaluations = 0;
  NelderMeadStatus status = NelderMeadStatus::Converged;
};

class NelderMead {
 public:
  // f(x) with x.size() == start.size(); non-finite values count as 1e35 (R's
  // "big"). The objective may keep a cache: it is called with a pointer to a
  // buffer that stays valid during the call only.
  using Objective = std::function<double(const double* x)>;

  static NelderMeadResult minimize(const Objective& f, std::vector<double> start,
                                   const NelderMeadOptions& options = {});
};

}  // namespace foresight::optim
