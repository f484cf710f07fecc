// The orders of a seasonal ARIMA(p,d,q)(P,D,Q)[m] model, the layout of its
// coefficient vector (R's: ar, ma, sar, sma, then regression coefficients)
// and its label as R's forecast package prints it.
#pragma once

#include <string>

namespace foresight::arima {

struct ArimaOrder {
  int p = 0, d = 0, q = 0;
  int P = 0, D = 0, Q = 0;
  int period = 1;  // m; 1 = no seasonal part

  int narma() const { return p + q + P + Q; }
  // Lengths of the expanded AR and MA polynomials (seasonal terms multiplied in).
  int arLength() const { return p + period * P; }
  int maLength() const { return q + period * Q; }
  // Observations the differencing uses up (R's n - nstar).
  int lostObservations() const { return d + period * D; }
  int differences() const { return d + D; }
  bool seasonal() const { return period > 1 && (P + D + Q) > 0; }

  // "ARIMA(2,1,1)(1,0,1)[7]"; the seasonal part only when it has orders.
  std::string label() const;

  bool operator==(const ArimaOrder&) const = default;
};

}  // namespace foresight::arima
