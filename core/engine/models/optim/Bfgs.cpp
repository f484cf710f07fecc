#include "engine/models/optim/Bfgs.h"

#include <cmath>       // std::fabs, std::isfinite
#include <functional>  // std::function
#include <map>         // evaluations remembered by the Hessian

namespace foresight::optim {

namespace {

// R's vmmin constants.
constexpr double kStepReduction = 0.2;
constexpr double kAcceptTolerance = 0.0001;
constexpr double kRelTest = 10.0;

// The objective as optim sees it: parameters divided by parscale, central
// differences with steps ndeps in those scaled units (R's fminfn/fmingr).
class ScaledObjective {
 public:
  using Batch = std::function<void(int, const double* const*, double*)>;

  ScaledObjective(const Bfgs::Objective& f, const Batch& batch, const BfgsOptions& options, std::size_t n)
      : f_(f), batch_(batch), scale_(n, 1.0), steps_(n, 1e-3), x_(n) {
    if (options.parscale.size() == n) scale_ = options.parscale;
    if (options.ndeps.size() == n) steps_ = options.ndeps;
  }

  double scale(std::size_t i) const { return scale_[i]; }
  double step(std::size_t i) const { return steps_[i]; }

  bool finitePoint(const std::vector<double>& p) const {
    for (double v : p)
      if (!std::isfinite(v)) return false;
    return true;
  }

  double value(const std::vector<double>& p) {
    for (std::size_t i = 0; i < p.size(); ++i) x_[i] = p[i] * scale_[i];
    return f_(x_.data());
  }

  // False when a difference quotient is not finite (R stops with an error).
  bool gradient(const std::vector<double>& p, std::vector<double>& df) {
    if (batch_) return batchGradient(p, df);
    for (std::size_t i = 0; i < p.size(); ++i) x_[i] = p[i] * scale_[i];
    for (std::size_t i = 0; i < p.size(); ++i) {
      const double eps = steps_[i];
      x_[i] = (p[i] + eps) * scale_[i];
      const double v1 = f_(x_.data());
      x_[i] = (p[i] - eps) * scale_[i];
      const double v2 = f_(x_.data());
      df[i] = (v1 - v2) / (2 * eps);
      if (!std::isfinite(df[i])) return false;
      x_[i] = p[i] * scale_[i];
    }
    return true;
  }

 private:
  // The 2n points of the central differences in one call.
  bool batchGradient(const std::vector<double>& p, std::vector<double>& df) {
    const std::size_t n = p.size();
    points_.resize(2 * n * n);
    rows_.resize(2 * n);
    values_.resize(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
      const double eps = steps_[i];
      for (int side = 0; side < 2; ++side) {
        double* x = points_.data() + (2 * i + static_cast<std::size_t>(side)) * n;
        for (std::size_t j = 0; j < n; ++j) x[j] = p[j] * scale_[j];
        x[i] = (side == 0 ? p[i] + eps : p[i] - eps) * scale_[i];
        rows_[2 * i + static_cast<std::size_t>(side)] = x;
      }
    }
    batch_(static_cast<int>(2 * n), rows_.data(), values_.data());
    for (std::size_t i = 0; i < n; ++i) {
      df[i] = (values_[2 * i] - values_[2 * i + 1]) / (2 * steps_[i]);
      if (!std::isfinite(df[i])) return false;
    }
    return true;
  }

  const Bfgs::Objective& f_;
  Batch batch_;
  std::vector<double> scale_, steps_, x_;
  std::vector<double> points_, values_;
  std::vector<const double*> rows_;
};

}  // namespace

// The order of evaluations and every test follow vmmin exactly (Nash's
// variable-metric method as re-crafted by Ripley): ARIMA likelihoods are
// often flat, and where the search stops then depends on its path.
BfgsResult Bfgs::minimize(const Objective& f, const std::vector<double>& start, const BfgsOptions& options) {
  const std::size_t n = start.size();
  ScaledObjective obj(f, options.batch, options, n);
  BfgsResult result;
  std::vector<double> b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = start[i] / obj.scale(i);
  auto unscaled = [&] {
    result.x.resize(n);
    for (std::size_t i = 0; i < n; ++i) result.x[i] = b[i] * obj.scale(i);
  };

  if (options.maxIterations <= 0 || n == 0) {  // R only evaluates (maxit = 0 asks for the value)
    result.value = obj.value(b);
    result.status = n == 0 && !std::isfinite(result.value) ? BfgsStatus::NonFiniteStart : BfgsStatus::Converged;
    unscaled();
    return result;
  }
  double f0 = obj.value(b);
  if (!std::isfinite(f0)) {
    result.status = BfgsStatus::NonFiniteStart;
    unscaled();
    return result;
  }
  double fmin = f0;
  int funcount = 1, gradcount = 1, iter = 0;
  std::vector<double> g(n), t(n), X(n), c(n), B(n * n, 0.0);  // B: lower triangle, row-major
  if (!obj.gradient(b, g)) {
    result.status = BfgsStatus::NonFiniteGradient;
    unscaled();
    return result;
  }
  ++iter;
  int ilast = gradcount;
  std::size_t count = 0;
  double fval = f0;

  do {
    if (ilast == gradcount)
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < i; ++j) B[i * n + j] = 0.0;
        B[i * n + i] = 1.0;
      }
    for (std::size_t i = 0; i < n; ++i) {
      X[i] = b[i];
      c[i] = g[i];
    }
    double gradproj = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      double s = 0.0;
      for (std::size_t j = 0; j <= i; ++j) s -= B[i * n + j] * g[j];
      for (std::size_t j = i + 1; j < n; ++j) s -= B[j * n + i] * g[j];
      t[i] = s;
      gradproj += s * g[i];
    }

    if (gradproj < 0.0) {  // downhill
      double steplength = 1.0;
      bool accpoint = false;
      do {
        count = 0;
        for (std::size_t i = 0; i < n; ++i) {
          b[i] = X[i] + steplength * t[i];
          if (kRelTest + X[i] == kRelTest + b[i]) ++count;  // no change
        }
        if (count < n) {
          if (!obj.finitePoint(b)) {
            result.status = BfgsStatus::NonFiniteGradient;
            unscaled();
            return result;
          }
          fval = obj.value(b);
          ++funcount;
          accpoint = std::isfinite(fval) && fval <= fmin + gradproj * steplength * kAcceptTolerance;
          if (!accpoint) steplength *= kStepReduction;
        }
      } while (!(count == n || accpoint));
      const bool enough = fval > options.absTol && std::fabs(fval - fmin) > options.relTol * (std::fabs(fmin) + options.relTol);
      if (!enough) {  // small value or small relative change: stop
        count = n;
        fmin = fval;
      }
      if (count < n) {  // progress
        fmin = fval;
        if (!obj.gradient(b, g)) {
          result.status = BfgsStatus::NonFiniteGradient;
          result.value = fmin;
          unscaled();
          return result;
        }
        ++gradcount;
        ++iter;
        double d1 = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
          t[i] = steplength * t[i];
          c[i] = g[i] - c[i];
          d1 += t[i] * c[i];
        }
        if (d1 > 0) {
          double d2 = 0.0;
          for (std::size_t i = 0; i < n; ++i) {
            double s = 0.0;
            for (std::size_t j = 0; j <= i; ++j) s += B[i * n + j] * c[j];
            for (std::size_t j = i + 1; j < n; ++j) s += B[j * n + i] * c[j];
            X[i] = s;
            d2 += s * c[i];
          }
          d2 = 1.0 + d2 / d1;
          for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j <= i; ++j) B[i * n + j] += (d2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / d1;
        } else {
          ilast = gradcount;
        }
      } else if (ilast < gradcount) {  // no progress: restart once
        count = 0;
        ilast = gradcount;
      }
    } else {  // uphill: reset unless just reset
      count = 0;
      if (ilast == gradcount) count = n;
      else ilast = gradcount;
    }
    if (iter >= options.maxIterations) break;
    if (gradcount - ilast > 2 * static_cast<int>(n)) ilast = gradcount;  // periodic restart
  } while (count != n || ilast != gradcount);

  result.value = fmin;
  result.functionCount = funcount;
  result.gradientCount = gradcount;
  result.status = iter < options.maxIterations ? BfgsStatus::Converged : BfgsStatus::IterationLimit;
  unscaled();
  return result;
}

bool Bfgs::hessian(const Objective& f, const std::vector<double>& x, const BfgsOptions& options,
                   std::vector<double>& out) {
  const std::size_t n = x.size();
  // The difference stencils of rows i and j meet at the same points when
  // both scales are 1: remember values by their exact argument.
  std::map<std::vector<double>, double> seen;
  std::vector<double> key(n);
  const Objective memo = [&](const double* p) {
    key.assign(p, p + n);
    const auto it = seen.find(key);
    if (it != seen.end()) return it->second;
    const double v = f(p);
    seen.emplace(key, v);
    return v;
  };
  std::vector<const double*> missing;
  std::vector<double> missingValues;
  const ScaledObjective::Batch memoBatch = [&](int count, const double* const* points, double* values) {
    missing.clear();
    for (int k = 0; k < count; ++k) {
      key.assign(points[k], points[k] + n);
      const auto it = seen.find(key);
      if (it == seen.end()) missing.push_back(points[k]);
    }
    missingValues.resize(missing.size());
    if (!missing.empty()) options.batch(static_cast<int>(missing.size()), missing.data(), missingValues.data());
    for (std::size_t k = 0; k < missing.size(); ++k) seen.emplace(std::vector<double>(missing[k], missing[k] + n), missingValues[k]);
    for (int k = 0; k < count; ++k) values[k] = seen.at(std::vector<double>(points[k], points[k] + n));
  };
  const ScaledObjective::Batch none;
  ScaledObjective obj(memo, options.batch ? memoBatch : none, options, n);
  out.assign(n * n, 0.0);
  std::vector<double> dpar(n), df1(n), df2(n);
  for (std::size_t i = 0; i < n; ++i) dpar[i] = x[i] / obj.scale(i);
  for (std::size_t i = 0; i < n; ++i) {
    const double eps = obj.step(i) / obj.scale(i);
    dpar[i] = dpar[i] + eps;
    if (!obj.gradient(dpar, df1)) return false;
    dpar[i] = dpar[i] - 2 * eps;
    if (!obj.gradient(dpar, df2)) return false;
    for (std::size_t j = 0; j < n; ++j)
      out[i * n + j] = (df1[j] - df2[j]) / (2 * eps * obj.scale(i) * obj.scale(j));
    dpar[i] = dpar[i] + eps;
  }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const double s = 0.5 * (out[i * n + j] + out[j * n + i]);
      out[i * n + j] = out[j * n + i] = s;
    }
  return true;
}

}  // namespace foresight::optim
