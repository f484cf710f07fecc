#include "engine/models/ets/PolynomialRoots.h"

#include <array>
#include <cmath>  // std::fabs

namespace foresight {

// Schur-Cohn: p has all roots in the open unit disc iff |p_0| < |p_d| and
// (p_d p(z) - p_0 z^d p(1/z)) / z, of degree d - 1, has too. Scaling
// z = radius * w turns the disc of `radius` into the unit disc.
bool polynomialRootsWithin(const double* c, int degree, double radius) {
  constexpr int kMaxDegree = 64;
  if (degree < 0 || degree > kMaxDegree) return false;
  std::array<double, kMaxDegree + 1> a{};
  double scale = 1.0;
  for (int i = 0; i <= degree; ++i) {
    a[static_cast<std::size_t>(i)] = c[i] * scale;
    scale *= radius;
  }
  if (a[static_cast<std::size_t>(degree)] == 0.0) return false;
  for (int d = degree; d >= 1; --d) {
    const double lead = a[static_cast<std::size_t>(d)];
    const double constant = a[0];
    if (!(std::fabs(constant) < std::fabs(lead))) return false;  // also catches NaN
    std::array<double, kMaxDegree + 1> b{};
    for (int i = 0; i < d; ++i)
      b[static_cast<std::size_t>(i)] =
          lead * a[static_cast<std::size_t>(i + 1)] - constant * a[static_cast<std::size_t>(d - 1 - i)];
    // Normalise so that repeated products neither overflow nor underflow.
    const double norm = b[static_cast<std::size_t>(d - 1)];
    for (int i = 0; i < d; ++i) a[static_cast<std::size_t>(i)] = b[static_cast<std::size_t>(i)] / norm;
  }
  return true;
}

}  // namespace foresight
