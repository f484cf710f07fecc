// Complex roots of a real polynomial (R's polyroot), for the stationarity
// and invertibility checks of ARIMA polynomials.
#pragma once

#include <complex>
#include <vector>

namespace foresight::arima {

// Roots of c[0] + c[1] z + ... + c[k] z^k; trailing zero coefficients are
// dropped first, so a constant polynomial has no roots.
std::vector<std::complex<double>> polyroot(const std::vector<double>& c);

// Smallest modulus among the roots (+infinity when there are none).
double smallestRootModulus(const std::vector<double>& c);

}  // namespace foresight::arima
