#include "engine/models/ets/PolynomialRoots.h"

#include <array>
#include <cmath>    // std::fabs
#include <utility>  // std::swap

namespace foresight {

// Schur-Cohn: p has all roots in the open unit disc iff |p_0| < |p_d| and
// (p_d p(z) - p_0 z^d p(1/z)) / z, of degree d - 1, has too. Scaling
// z = radius * w turns the disc of `radius` into the unit disc.
bool polynomialRootsWithin(const double* c, int degree, double radius) {
  constexpr int kMaxDegree = 64;
  if (degree < 0 || degree > kMaxDegree) return false;
  std::array<double, kMaxDegree + 1> buffers[2];  // only the first degree + 1 entries are used
  double* a = buffers[0].data();
  double* b = buffers[1].data();
  double scale = 1.0;
  for (int i = 0; i <= degree; ++i) {
    a[i] = c[i] * scale;
    scale *= radius;
  }
  if (a[degree] == 0.0) return false;
  for (int d = degree; d >= 1; --d) {
    const double lead = a[d], constant = a[0];
    if (!(std::fabs(constant) < std::fabs(lead))) return false;  // also catches NaN
    for (int i = 0; i < d; ++i) b[i] = lead * a[i + 1] - constant * a[d - 1 - i];
    // Normalised so that repeated products neither overflow nor underflow.
    const double inverse = 1.0 / b[d - 1];
    for (int i = 0; i < d; ++i) b[i] *= inverse;
    std::swap(a, b);
  }
  return true;
}

}  // namespace foresight
