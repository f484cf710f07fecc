// Conditional sum of squares of an ARIMA model (R's ARIMA_CSS): difference
// the series, then run the ARMA recursion from observation `ncond` on with
// earlier innovations taken as zero. The differenced series is set once;
// evaluations then only run the recursion (over the non-zero coefficients)
// and never allocate.
#pragma once

#include <vector>

#include "engine/models/arima/ArimaOrder.h"

namespace foresight::arima {

class ArimaCss {
 public:
  // Differences y[0..n) in place as R does ((1 - B)^d, then (1 - B^m)^D,
  // leaving the first values as they are).
  static void difference(const ArimaOrder& order, double* w, int n);

  // The differenced series the recursion runs on (length n).
  void setDifferenced(const double* w, int n);
  double* differenced() { return w_.data(); }

  // Mean of the squared conditional residuals (NaN when none are left) for
  // the expanded polynomials phi (length p) and theta (length q).
  // `residuals` (length n), when given, receives the residuals with zeros
  // before ncond.
  double meanSquare(const double* phi, int p, const double* theta, int q, int ncond, double* residuals = nullptr);

 private:
  template <int K>
  void maRecursion(double* resid, int from, int n) const;

  std::vector<double> w_, resid_;
  std::vector<int> arLags_, maLags_;
  std::vector<double> arCoef_, maCoef_;
};

}  // namespace foresight::arima
