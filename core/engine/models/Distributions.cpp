#include "engine/models/Distributions.h"

#include <cmath>   // std::erfc, std::exp, std::log, lgamma_r
#include <limits>  // quiet_NaN, epsilon
#include <numbers> // std::numbers::pi

namespace foresight {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// lgamma_r, unlike std::lgamma, does not write the global signgam, so
// intervals can be computed from several threads at once.
double logGamma(double x) {
  int sign = 0;
  return ::lgamma_r(x, &sign);
}

double logBeta(double a, double b) { return logGamma(a) + logGamma(b) - logGamma(a + b); }

double normalPdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi); }

// Continued fraction of I_x(a, b) (modified Lentz); converges fast when
// x < (a + 1) / (a + b + 2).
double betaContinuedFraction(double x, double a, double b) {
  constexpr double tiny = 1e-300;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < tiny) d = tiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 10000; ++m) {
    const double dm = m;
    // Even step: m(b - m)x / ((a + 2m - 1)(a + 2m)).
    double num = dm * (b - dm) * x / ((a + 2 * dm - 1) * (a + 2 * dm));
    d = 1.0 + num * d;
    c = 1.0 + num / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    h *= d * c;
    // Odd step: -(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
    num = -(a + dm) * (a + b + dm) * x / ((a + 2 * dm) * (a + 2 * dm + 1));
    d = 1.0 + num * d;
    c = 1.0 + num / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < 1e-16) break;
  }
  return h;
}

// I_x(a, b) given both x and xc = 1 - x, each computed accurately by the
// caller: near x = 1 the complement carries the precision that x loses.
double incompleteBetaPair(double x, double xc, double a, double b) {
  // Test the exact zeros only: x == 1 may be a rounded 1 - 1e-17.
  if (x == 0) return 0.0;
  if (xc == 0) return 1.0;
  const double front = std::exp(a * std::log(x) + b * std::log(xc) - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return front * betaContinuedFraction(x, a, b) / a;
  return 1.0 - front * betaContinuedFraction(xc, b, a) / b;
}

}  // namespace

double normalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double normalQuantile(double p) {
  if (!(p > 0 && p < 1)) return kNaN;
  // Solve in the smaller tail, where normalCdf keeps full relative accuracy.
  const double q = p < 0.5 ? p : 1 - p;
  if (q == 0.5) return 0.0;
  // Abramowitz & Stegun 26.2.23 (error < 4.5e-4) as the starting point.
  const double t = std::sqrt(-2 * std::log(q));
  double x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) /
                       (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
  // Halley steps on normalCdf(x) - q converge cubically.
  for (int i = 0; i < 8; ++i) {
    const double r = (normalCdf(x) - q) / normalPdf(x);
    const double dx = r / (1 + 0.5 * x * r);
    x -= dx;
    if (std::fabs(dx) <= 1e-15 * std::fabs(x)) break;
  }
  return p < 0.5 ? x : -x;
}

double incompleteBeta(double x, double a, double b) {
  if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) return kNaN;
  return incompleteBetaPair(x, 1 - x, a, b);
}

double studentTCdf(double t, double df) {
  if (!(df > 0) || std::isnan(t)) return kNaN;
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  // Lower tail P(T <= -|t|) = I_x(df/2, 1/2) / 2 with x = df/(df+t^2).
  // For small |t| x is close to 1; its complement t^2/(df+t^2) is passed
  // separately because 1 - x would have lost the digits.
  const double t2 = t * t;
  const double tail = 0.5 * incompleteBetaPair(df / (df + t2), t2 / (df + t2), 0.5 * df, 0.5);
  return t < 0 ? tail : 1.0 - tail;
}

double studentTQuantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return kNaN;
  if (p == 0.5) return 0.0;
  const double q = p < 0.5 ? p : 1 - p;  // solve for t < 0 in the lower tail
  double t;
  if (df == 1) {
    t = -1.0 / std::tan(std::numbers::pi * q);  // tan(pi (q - 1/2)) without cancellation
  } else if (df == 2) {
    t = (2 * q - 1) / std::sqrt(2 * q * (1 - q));
  } else {
    // Cornish-Fisher start from the normal quantile, then safeguarded Newton
    // on log F(t) (the log keeps heavy tails well scaled) inside a bracket.
    const double z = normalQuantile(q);
    const double z2 = z * z;
    t = z + z * (z2 + 1) / (4 * df) + z * ((5 * z2 + 16) * z2 + 3) / (96 * df * df);
    double lo = t, hi = 0.0;  // studentTCdf(hi) > q
    while (studentTCdf(lo, df) > q) lo *= 2;
    if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
    const double logQ = std::log(q);
    const double logC = logGamma(0.5 * (df + 1)) - logGamma(0.5 * df) - 0.5 * std::log(df * std::numbers::pi);
    for (int i = 0; i < 200; ++i) {
      const double f = studentTCdf(t, df);
      if (f > q) hi = t; else lo = t;
      const double logPdf = logC - 0.5 * (df + 1) * std::log1p(t * t / df);
      double next = t - (std::log(f) - logQ) * f / std::exp(logPdf);
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      const double dt = next - t;
      t = next;
      if (std::fabs(dt) <= 1e-15 * std::fabs(t) || hi - lo <= 1e-15 * std::fabs(t)) break;
    }
  }
  return p < 0.5 ? t : -t;
}

}  // namespace foresight
