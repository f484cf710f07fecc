#include "engine/models/ets/EtsParameterSpace.h"

#include <algorithm>  // std::max

#include "engine/models/ets/PolynomialRoots.h"

namespace foresight {

std::string etsBoundsName(EtsBounds b) {
  return b == EtsBounds::Usual ? "usual" : b == EtsBounds::Admissible ? "admissible" : "both";
}

std::optional<EtsBounds> parseEtsBounds(std::string_view name) {
  if (name == "usual") return EtsBounds::Usual;
  if (name == "admissible") return EtsBounds::Admissible;
  if (name == "both") return EtsBounds::Both;
  return std::nullopt;
}

EtsParameterSpace::EtsParameterSpace(EtsForm form, int period, EtsBounds bounds, std::array<double, 4> lower,
                                     std::array<double, 4> upper)
    : form_(form), m_(form.hasSeason() ? period : 1), bounds_(bounds), lower_(lower), upper_(upper) {}

bool EtsParameterSpace::inBox(const EtsParameters& p, const EtsFreeParameters& which) const {
  if (which.alpha && (p.alpha < lower_[0] || p.alpha > upper_[0])) return false;
  if (which.beta && (p.beta < lower_[1] || p.beta > p.alpha || p.beta > upper_[1])) return false;
  if (which.phi && (p.phi < lower_[3] || p.phi > upper_[3])) return false;
  if (which.gamma && (p.gamma < lower_[2] || p.gamma > 1 - p.alpha || p.gamma > upper_[2])) return false;
  return true;
}

bool EtsParameterSpace::acceptsStart(const EtsParameters& p) const {
  const EtsFreeParameters present{true, form_.hasTrend(), form_.hasSeason(), form_.damped};
  if (bounds_ != EtsBounds::Admissible && !inBox(p, present)) return false;
  return bounds_ == EtsBounds::Usual || admissible(p);
}

bool EtsParameterSpace::accepts(const EtsParameters& p, const EtsFreeParameters& free) const {
  if (bounds_ != EtsBounds::Admissible && !inBox(p, free)) return false;
  return bounds_ == EtsBounds::Usual || admissible(p);
}

bool EtsParameterSpace::admissible(const EtsParameters& p) const {
  const double alpha = p.alpha, phi = p.phi, gamma = p.gamma;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!form_.hasSeason()) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (form_.hasTrend() && (p.beta < alpha * (phi - 1) || p.beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (m_ <= 1) return true;
  const double beta = form_.hasTrend() ? p.beta : 0.0;
  const int m = m_;
  if (gamma < std::max(1 - 1 / phi - alpha, 0.0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // The characteristic equation's roots must lie in the unit circle (R
  // allows 1e-10 of slack).
  std::array<double, 2 + 64> c{};
  const int degree = m + 1;
  if (degree > 64) return false;
  const auto um = static_cast<std::size_t>(m);
  c[0] = phi * (1 - alpha - gamma);
  c[1] = alpha + beta - alpha * phi + gamma - 1;
  for (std::size_t i = 2; i < um; ++i) c[i] = alpha + beta - alpha * phi;
  c[um] = alpha + beta - phi;
  c[um + 1] = 1;
  return polynomialRootsWithin(c.data(), degree, 1 + 1e-10);
}

}  // namespace foresight
