// Quantiles and distribution functions used by prediction intervals: the
// standard normal and Student's t, accurate to about 1e-12 relative.
#pragma once

namespace foresight {

// P(Z <= x) for a standard normal Z.
double normalCdf(double x);
// x with normalCdf(x) == p, p in (0, 1); NaN outside.
double normalQuantile(double p);
// Regularized incomplete beta I_x(a, b), a, b > 0, x in [0, 1].
double incompleteBeta(double x, double a, double b);
// P(T <= t) for Student's t with df > 0 degrees of freedom.
double studentTCdf(double t, double df);
// t with studentTCdf(t, df) == p, p in (0, 1), df > 0; NaN outside.
double studentTQuantile(double p, double df);

}  // namespace foresight
