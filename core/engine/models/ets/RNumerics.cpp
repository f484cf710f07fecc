#include "engine/models/ets/RNumerics.h"

#include <cmath>    // std::fmod, std::sin, std::cos, std::isfinite, std::isnan
#include <limits>   // quiet_NaN
#include <numbers>  // std::numbers::pi

namespace foresight::rnumerics {

double sum(const double* x, std::size_t n) {
  long double s = 0.0L;
  for (std::size_t i = 0; i < n; ++i) s += x[i];
  return static_cast<double>(s);
}

double mean(const double* x, std::size_t n) {
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  const auto count = static_cast<long double>(n);
  long double s = 0.0L;
  for (std::size_t i = 0; i < n; ++i) s += x[i];
  s /= count;
  if (std::isfinite(static_cast<double>(s))) {
    long double t = 0.0L;
    for (std::size_t i = 0; i < n; ++i) t += x[i] - s;
    s += t / count;
  }
  return static_cast<double>(s);
}

double sinpi(double x) {
  x = std::fmod(x, 2.0);
  if (x <= -1) x += 2.0;
  else if (x > 1.0) x -= 2.0;
  if (x == 0.0 || x == 1.0) return 0.0;
  if (x == 0.5) return 1.0;
  if (x == -0.5) return -1.0;
  return std::sin(std::numbers::pi * x);
}

double cospi(double x) {
  x = std::fmod(std::fabs(x), 2.0);
  if (std::fmod(x, 1.0) == 0.5) return 0.0;
  if (x == 1.0) return -1.0;
  if (x == 0.0) return 1.0;
  return std::cos(std::numbers::pi * x);
}

std::vector<double> decomposeSeasonal(const std::vector<double>& y, int period, bool multiplicative) {
  const auto m = static_cast<std::size_t>(period);
  const std::size_t n = y.size();
  // filter(y, c(0.5, 1, ..., 1, 0.5) / m) for even m, rep(1, m) / m for odd,
  // summed in R's order (newest value first); NaN where the window leaves y.
  std::vector<double> weights(m % 2 == 0 ? m + 1 : m, 1.0 / static_cast<double>(m));
  if (m % 2 == 0) weights.front() = weights.back() = 0.5 / static_cast<double>(m);
  const std::size_t width = weights.size(), offset = width / 2;
  std::vector<double> trend(n, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i + offset < n; ++i) {
    if (i + offset < width - 1) continue;
    double z = 0;
    for (std::size_t j = 0; j < width; ++j) z += weights[j] * y[i + offset - j];
    trend[i] = z;
  }
  std::vector<double> figure(m), values;
  for (std::size_t k = 0; k < m; ++k) {
    values.clear();
    for (std::size_t i = k; i < n; i += m) {
      const double s = multiplicative ? y[i] / trend[i] : y[i] - trend[i];
      if (!std::isnan(s)) values.push_back(s);
    }
    figure[k] = mean(values.data(), values.size());
  }
  const double centre = mean(figure.data(), figure.size());
  for (double& f : figure) f = multiplicative ? f / centre : f - centre;
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = figure[i % m];
  return out;
}

}  // namespace foresight::rnumerics
