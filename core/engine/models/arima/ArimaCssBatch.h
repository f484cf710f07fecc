// Several conditional sums of squares at once: the points of one
// finite-difference gradient share the series and differ only in their
// coefficients, so their K recursions run side by side (interleaved in
// memory, vectorised across the K points). The MA recursion of one point
// waits on its previous residual; K of them together keep the processor
// busy. Each point's sums are formed in the same order as ArimaCss, so the
// values are the same to the last bit.
#pragma once

#include <vector>

namespace foresight::arima {

class ArimaCssBatch {
 public:
  // w: the differenced series, shared (length n) or one per point
  // (interleaved, w[l * K + k]); phi[k] (length p) and theta[k] (length q)
  // the expanded polynomials of point k. Writes K mean squares (NaN when no
  // residual is left).
  void meanSquares(int K, int n, const double* w, bool shared, const double* const* phi, int p,
                   const double* const* theta, int q, int ncond, double* out);

 private:
  std::vector<double> resid_, arCoef_, maCoef_, ssq_, padded_;
  std::vector<int> arLags_, maLags_, used_;
};

}  // namespace foresight::arima
