#include "engine/models/arima/ArimaParameters.h"

#include <array>    // std::array
#include <cmath>    // std::tanh, std::atanh, std::abs
#include <complex>  // std::complex

#include "engine/models/arima/ArimaFitError.h"
#include "engine/models/arima/Polyroot.h"

namespace foresight::arima {

namespace {
void checkOrder(int p) {
  if (p > kMaxTransformedOrder)
    throw ArimaFitError("AR order " + std::to_string(p) + " exceeds the supported " +
                        std::to_string(kMaxTransformedOrder));
}
}  // namespace

void arFromUnconstrained(int p, const double* raw, double* out) {
  checkOrder(p);
  std::array<double, kMaxTransformedOrder> work{};
  for (int j = 0; j < p; ++j) work[j] = out[j] = std::tanh(raw[j]);
  // Durbin-Levinson: partial autocorrelations -> AR coefficients.
  for (int j = 1; j < p; ++j) {
    const double a = out[j];
    for (int k = 0; k < j; ++k) work[k] -= a * out[j - k - 1];
    for (int k = 0; k < j; ++k) out[k] = work[k];
  }
}

void unconstrainedFromAr(int p, const double* phi, double* out) {
  checkOrder(p);
  std::array<double, kMaxTransformedOrder> work{};
  for (int j = 0; j < p; ++j) work[j] = out[j] = phi[j];
  // Durbin-Levinson run backwards: AR coefficients -> partial autocorrelations.
  for (int j = p - 1; j > 0; --j) {
    const double a = out[j];
    for (int k = 0; k < j; ++k) work[k] = (out[k] + a * out[j - k - 1]) / (1 - a * a);
    for (int k = 0; k < j; ++k) out[k] = work[k];
  }
  for (int j = 0; j < p; ++j) out[j] = std::atanh(out[j]);
}

void expandPolynomials(const ArimaOrder& o, const double* in, bool transform, double* scratch, double* phi,
                       double* theta) {
  const double* par = in;
  if (transform) {
    const int n = o.narma();
    for (int i = 0; i < n; ++i) scratch[i] = in[i];
    if (o.p > 0) arFromUnconstrained(o.p, in, scratch);
    if (o.P > 0) arFromUnconstrained(o.P, in + o.p + o.q, scratch + o.p + o.q);
    par = scratch;
  }
  const int ns = o.period, lp = o.arLength(), lq = o.maLength();
  for (int i = 0; i < o.p; ++i) phi[i] = par[i];
  for (int i = 0; i < o.q; ++i) theta[i] = par[i + o.p];
  for (int i = o.p; i < lp; ++i) phi[i] = 0.0;
  for (int i = o.q; i < lq; ++i) theta[i] = 0.0;
  // (1 - sum phi_i B^i)(1 - sum Phi_j B^(j m)) and (1 + ...)(1 + ...), multiplied out.
  for (int j = 0; j < o.P; ++j) {
    const double sar = par[j + o.p + o.q];
    phi[(j + 1) * ns - 1] += sar;
    for (int i = 0; i < o.p; ++i) phi[(j + 1) * ns + i] -= par[i] * sar;
  }
  for (int j = 0; j < o.Q; ++j) {
    const double sma = par[j + o.p + o.q + o.P];
    theta[(j + 1) * ns - 1] += sma;
    for (int i = 0; i < o.q; ++i) theta[(j + 1) * ns + i] += par[i + o.p] * sma;
  }
}

std::vector<double> undoTransform(const ArimaOrder& o, const std::vector<double>& in) {
  std::vector<double> out = in;
  if (o.p > 0) arFromUnconstrained(o.p, in.data(), out.data());
  if (o.P > 0) arFromUnconstrained(o.P, in.data() + o.p + o.q, out.data() + o.p + o.q);
  return out;
}

std::vector<double> inverseTransform(const ArimaOrder& o, const std::vector<double>& in) {
  std::vector<double> out = in;
  if (o.p > 0) unconstrainedFromAr(o.p, in.data(), out.data());
  if (o.P > 0) unconstrainedFromAr(o.P, in.data() + o.p + o.q, out.data() + o.p + o.q);
  return out;
}

Eigen::MatrixXd transformJacobian(const ArimaOrder& o, const std::vector<double>& in) {
  constexpr double eps = 1e-3;  // R's forward step
  const auto n = static_cast<Eigen::Index>(in.size());
  Eigen::MatrixXd A = Eigen::MatrixXd::Identity(n, n);
  std::array<double, kMaxTransformedOrder> w1{}, w2{}, w3{};
  auto block = [&](int offset, int k) {
    for (int i = 0; i < k; ++i) w1[i] = in[offset + i];
    arFromUnconstrained(k, w1.data(), w2.data());
    for (int i = 0; i < k; ++i) {
      w1[i] += eps;
      arFromUnconstrained(k, w1.data(), w3.data());
      for (int j = 0; j < k; ++j) A(offset + i, offset + j) = (w3[j] - w2[j]) / eps;
      w1[i] -= eps;
    }
  };
  if (o.p > 0) block(0, o.p);
  if (o.P > 0) block(o.p + o.q, o.P);
  return A;
}

bool arIsStationary(const double* ar, int p) {
  int last = 0;
  for (int i = 0; i < p; ++i)
    if (ar[i] != 0.0) last = i + 1;
  if (last == 0) return true;
  std::vector<double> c(static_cast<std::size_t>(last) + 1);
  c[0] = 1.0;
  for (int i = 0; i < last; ++i) c[i + 1] = -ar[i];
  for (const auto& r : polyroot(c))
    if (!(std::abs(r) > 1.0)) return false;
  return true;
}

std::vector<double> invertMa(const std::vector<double>& ma) {
  const std::size_t q = ma.size();
  std::size_t q0 = 0;
  for (std::size_t i = 0; i < q; ++i)
    if (ma[i] != 0.0) q0 = i + 1;
  if (q0 == 0) return ma;
  std::vector<double> c(q0 + 1);
  c[0] = 1.0;
  for (std::size_t i = 0; i < q0; ++i) c[i + 1] = ma[i];
  std::vector<std::complex<double>> roots = polyroot(c);
  bool any = false;
  for (const auto& r : roots) any = any || std::abs(r) < 1.0;
  if (!any) return ma;
  std::vector<double> out(q, 0.0);
  if (q0 == 1) {
    out[0] = 1.0 / ma[0];
    return out;
  }
  for (auto& r : roots)
    if (std::abs(r) < 1.0) r = 1.0 / r;
  // Rebuild prod (1 - z / r) from the (reflected) roots.
  std::vector<std::complex<double>> x{1.0};
  for (const auto& r : roots) {
    std::vector<std::complex<double>> next(x.size() + 1, 0.0);
    for (std::size_t i = 0; i < x.size(); ++i) {
      next[i] += x[i];
      next[i + 1] -= x[i] / r;
    }
    x = std::move(next);
  }
  for (std::size_t i = 0; i < q0; ++i) out[i] = x[i + 1].real();
  return out;
}

}  // namespace foresight::arima
