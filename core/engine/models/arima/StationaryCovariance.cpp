#include "engine/models/arima/StationaryCovariance.h"

#include <algorithm>  // std::max, std::min, std::fill, std::swap
#include <cmath>      // std::abs

namespace foresight::arima {

void StationaryCovariance::resize(int r) {
  if (r == r_) return;
  r_ = r;
  const std::size_t np = static_cast<std::size_t>(r) * static_cast<std::size_t>(r + 1) / 2;
  xnext_.assign(np, 0.0);
  xrow_.assign(np, 0.0);
  thetab_.assign(np, 0.0);
  v_.assign(np, 0.0);
  rbar_.assign(np * (np - 1) / 2, 0.0);
}

void StationaryCovariance::include(double ynext) {
  const std::size_t np = xnext_.size();
  for (std::size_t i = 0; i < np; ++i) xrow_[i] = xnext_[i];
  std::size_t ithisr = 0;
  for (std::size_t i = 0; i < np; ++i) {
    if (xrow_[i] != 0.0) {
      const double xi = xrow_[i], di = d_[i], dpi = di + xi * xi;
      d_[i] = dpi;
      const double cbar = di / dpi, sbar = xi / dpi;
      for (std::size_t k = i + 1; k < np; ++k) {
        const double xk = xrow_[k], rbthis = rbar_[ithisr];
        xrow_[k] = xk - xi * rbthis;
        rbar_[ithisr++] = cbar * rbthis + sbar * xk;
      }
      const double xk = ynext;
      ynext = xk - xi * thetab_[i];
      thetab_[i] = cbar * thetab_[i] + sbar * xk;
      if (di == 0.0) return;
    } else {
      ithisr += np - i - 1;
    }
  }
}

// The index arithmetic follows AS 154 (and R's C translation) exactly: the
// packed equations are reordered to bring leading zeros into the rows, so
// that the Givens updates stay cheap.
void StationaryCovariance::compute(const double* phi, int p, const double* theta, int q, double* out) {
  if (std::max(p, q + 1) <= kGardnerMaxState) gardner(phi, p, theta, q, out);
  else fromAutocovariances(phi, p, theta, q, out);
}

void StationaryCovariance::gardner(const double* phi, int p, const double* theta, int q, double* P) {
  const int r = std::max(p, q + 1);
  if (r == 1) {
    P[0] = p == 0 ? 1.0 : 1.0 / (1.0 - phi[0] * phi[0]);
    return;
  }
  resize(r);
  using Index = long long;
  const Index np = static_cast<Index>(xnext_.size());
  Index ind = 0;
  for (int j = 0; j < r; ++j) {
    const double vj = j == 0 ? 1.0 : (j - 1 < q ? theta[j - 1] : 0.0);
    for (int i = j; i < r; ++i) {
      const double vi = i == 0 ? 1.0 : (i - 1 < q ? theta[i - 1] : 0.0);
      v_[ind++] = vi * vj;
    }
  }

  if (p > 0) {
    // Solve s * vec(P0) = vec(v) by Givens rotations, one row of s at a time.
    std::fill(rbar_.begin(), rbar_.end(), 0.0);
    std::fill(thetab_.begin(), thetab_.end(), 0.0);
    std::fill(xnext_.begin(), xnext_.end(), 0.0);
    for (Index i = 0; i < np; ++i) P[i] = 0.0;
    d_ = P;
    ind = 0;
    Index ind1 = -1;
    const Index npr = np - r, npr1 = npr + 1;
    Index indj = npr, ind2 = npr - 1;
    for (int j = 0; j < r; ++j) {
      const double phij = j < p ? phi[j] : 0.0;
      xnext_[indj++] = 0.0;
      Index indi = npr1 + j;
      for (int i = j; i < r; ++i) {
        const double ynext = v_[ind++];
        const double phii = i < p ? phi[i] : 0.0;
        if (j != r - 1) {
          xnext_[indj] = -phii;
          if (i != r - 1) {
            xnext_[indi] -= phij;
            xnext_[++ind1] = -1.0;
          }
        }
        xnext_[npr] = -phii * phij;
        if (++ind2 >= np) ind2 = 0;
        xnext_[ind2] += 1.0;
        include(ynext);
        xnext_[ind2] = 0.0;
        if (i != r - 1) {
          xnext_[indi++] = 0.0;
          xnext_[ind1] = 0.0;
        }
      }
    }
    // Back substitution.
    Index ithisr = static_cast<Index>(rbar_.size()) - 1, im = np - 1;
    for (Index i = 0; i < np; ++i) {
      double bi = thetab_[im];
      Index jm = np - 1;
      for (Index j = 0; j < i; ++j) bi -= rbar_[ithisr--] * P[jm--];
      P[im--] = bi;
    }
    // Undo the reordering.
    ind = npr;
    for (int i = 0; i < r; ++i) xnext_[i] = P[ind++];
    ind = np - 1;
    Index from = npr - 1;
    for (Index i = 0; i < npr; ++i) P[ind--] = P[from--];
    for (int i = 0; i < r; ++i) P[i] = xnext_[i];
  } else {
    // A pure MA process: back substitution directly.
    Index indn = np;
    ind = np;
    for (int i = 0; i < r; ++i)
      for (int j = 0; j <= i; ++j) {
        --ind;
        P[ind] = v_[ind];
        if (j != 0) P[ind] += P[--indn];
      }
  }
  // Unpack the upper triangle to a full symmetric matrix.
  ind = np;
  for (int i = r - 1; i > 0; --i)
    for (int j = r - 1; j >= i; --j) P[r * i + j] = P[--ind];
  for (int i = 0; i < r - 1; ++i)
    for (int j = i + 1; j < r; ++j) P[i + r * j] = P[j + r * i];
}

// gamma(0..p) from the p + 1 Yule-Walker-type equations
//   gamma(k) - sum_j phi_j gamma(|k - j|) = sum_{j >= k} theta_j psi_{j - k},
// the rest by the recursion; the first row of Q0 from its definition
// (a_t[0] is the process itself), the other rows from
//   Q0[i][k] = phi_i phi_k Q0[0][0] + phi_i Q0[0][k+1] + phi_k Q0[i+1][0] + Q0[i+1][k+1] + R_i R_k.
void StationaryCovariance::fromAutocovariances(const double* phi, int p, const double* theta, int q, double* Q) {
  const int r = std::max(p, q + 1);
  const auto ur = static_cast<std::size_t>(r);
  auto phiAt = [&](int i) { return i < p ? phi[i] : 0.0; };          // phi_{i+1}, 0-based
  auto rAt = [&](int i) { return i == 0 ? 1.0 : (i - 1 < q ? theta[i - 1] : 0.0); };  // (1, theta)
  psi_.assign(ur + 1, 0.0);
  for (int j = 0; j <= r; ++j) {
    double v = rAt(j);
    for (int i = 1; i <= std::min(j, p); ++i) v += phi[i - 1] * psi_[static_cast<std::size_t>(j - i)];
    psi_[static_cast<std::size_t>(j)] = v;
  }
  auto rhs = [&](int k) {
    double v = 0.0;
    for (int j = k; j <= q; ++j) v += rAt(j) * psi_[static_cast<std::size_t>(j - k)];
    return v;
  };
  gamma_.assign(ur + 1, 0.0);
  const int m = p + 1;
  system_.assign(static_cast<std::size_t>(m * (m + 1)), 0.0);  // m x m matrix, then the right-hand side
  auto A = [&](int row, int col) -> double& { return system_[static_cast<std::size_t>(row + m * col)]; };
  for (int k = 0; k < m; ++k) {
    A(k, k) += 1.0;
    for (int j = 1; j <= p; ++j) A(k, std::abs(k - j)) -= phi[j - 1];
    A(k, m) = rhs(k);
  }
  // Gaussian elimination with partial pivoting on the augmented system.
  for (int c = 0; c < m; ++c) {
    int piv = c;
    for (int i = c + 1; i < m; ++i)
      if (std::abs(A(i, c)) > std::abs(A(piv, c))) piv = i;
    if (piv != c)
      for (int j = c; j <= m; ++j) std::swap(A(c, j), A(piv, j));
    for (int i = c + 1; i < m; ++i) {
      const double f = A(i, c) / A(c, c);
      if (f == 0.0) continue;
      for (int j = c; j <= m; ++j) A(i, j) -= f * A(c, j);
    }
  }
  for (int i = m - 1; i >= 0; --i) {
    double v = A(i, m);
    for (int j = i + 1; j < m; ++j) v -= A(i, j) * gamma_[static_cast<std::size_t>(j)];
    gamma_[static_cast<std::size_t>(i)] = v / A(i, i);
  }
  for (int k = m; k <= r; ++k) {
    double v = rhs(k);
    for (int j = 1; j <= p; ++j) v += phi[j - 1] * gamma_[static_cast<std::size_t>(k - j)];
    gamma_[static_cast<std::size_t>(k)] = v;
  }
  // First row: Cov(y_t, a_t[k]).
  Q[0] = gamma_[0];
  for (int k = 1; k < r; ++k) {
    double v = 0.0;
    for (int j = 0; j <= r - 1 - k; ++j) v += phiAt(k + j) * gamma_[static_cast<std::size_t>(j + 1)] + rAt(k + j) * psi_[static_cast<std::size_t>(j)];
    Q[r * k] = Q[k] = v;
  }
  auto at = [&](int i, int k) { return i >= r || k >= r ? 0.0 : Q[i + r * k]; };
  for (int i = r - 1; i >= 1; --i)
    for (int k = r - 1; k >= i; --k) {
      const double v = phiAt(i) * phiAt(k) * Q[0] + phiAt(i) * at(0, k + 1) + phiAt(k) * at(i + 1, 0) +
                       at(i + 1, k + 1) + rAt(i) * rAt(k);
      Q[i + r * k] = Q[k + r * i] = v;
    }
}

}  // namespace foresight::arima
