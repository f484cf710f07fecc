#include "engine/models/optim/Brent.h"

#include <cfloat>  // DBL_EPSILON
#include <cmath>   // std::sqrt, std::fabs

namespace foresight::optim {

BrentResult Brent::minimize(const std::function<double(double)>& f, double lower, double upper, double tolerance) {
  const double c = (3.0 - std::sqrt(5.0)) * 0.5;  // the golden-section fraction
  const double eps = std::sqrt(DBL_EPSILON);
  BrentResult out;
  auto eval = [&](double x) {
    ++out.evaluations;
    return f(x);
  };

  double a = lower, b = upper;
  // x: best point so far; w: second best; v: the previous w.
  double v = a + c * (b - a);
  double w = v, x = v;
  double d = 0, e = 0;
  double fx = eval(x);
  double fv = fx, fw = fx;
  const double tol3 = tolerance / 3.0;

  for (;;) {
    const double xm = (a + b) * 0.5;
    const double tol1 = eps * std::fabs(x) + tol3;
    const double t2 = tol1 * 2.0;
    if (std::fabs(x - xm) <= t2 - (b - a) * 0.5) break;

    double p = 0, q = 0, r = 0;
    if (std::fabs(e) > tol1) {  // fit a parabola through x, w, v
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2.0;
      if (q > 0)
        p = -p;
      else
        q = -q;
      r = e;
      e = d;
    }
    double u = 0;
    if (std::fabs(p) >= std::fabs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      e = x < xm ? b - x : a - x;  // golden-section step
      d = c * e;
    } else {
      d = p / q;  // parabolic step, kept away from the ends
      u = x + d;
      if (u - a < t2 || b - u < t2) d = x >= xm ? -tol1 : tol1;
    }
    // Never evaluate closer to x than tol1.
    if (std::fabs(d) >= tol1)
      u = x + d;
    else
      u = d > 0 ? x + tol1 : x - tol1;
    const double fu = eval(u);

    if (fu <= fx) {
      if (u < x)
        b = x;
      else
        a = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    } else {
      if (u < x)
        a = u;
      else
        b = u;
      if (fu <= fw || w == x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v == x || v == w) {
        v = u;
        fv = fu;
      }
    }
  }
  out.x = x;
  out.value = fx;
  return out;
}

}  // namespace foresight::optim
