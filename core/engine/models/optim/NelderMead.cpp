#include "engine/models/optim/NelderMead.h"

#include <cmath>  // std::fabs, std::isfinite

namespace foresight::optim {

namespace {
// What R's nmmin substitutes for a non-finite objective value.
constexpr double kBig = 1.0e35;
}  // namespace

// The order of evaluations, the tie-breaking and the stopping rules follow
// nmmin exactly: ETS fits often stop at the evaluation limit, where the
// result depends on the path taken, and R's results are the reference.
NelderMeadResult NelderMead::minimize(const Objective& f, std::vector<double> start,
                                      const NelderMeadOptions& options) {
  const std::size_t n = start.size();
  NelderMeadResult result;
  std::vector<double>& b = start;  // the trial point (R's Bvec)
  auto eval = [&](int& count) {
    double v = f(b.data());
    ++count;
    return std::isfinite(v) ? v : kBig;
  };

  if (n == 0) {
    result.value = f(b.data());
    result.evaluations = 1;
    result.status = std::isfinite(result.value) ? NelderMeadStatus::Converged : NelderMeadStatus::InvalidStart;
    return result;
  }
  const double first = f(b.data());
  if (!std::isfinite(first)) {
    result.x = b;
    result.evaluations = 1;
    result.status = NelderMeadStatus::InvalidStart;
    return result;
  }
  int count = 1;
  const double convTol = options.relTol * (std::fabs(first) + options.relTol);

  // Vertices are columns 0..n, column n+1 is the centroid (R's column C).
  const std::size_t cols = n + 2, centroid = n + 1;
  std::vector<double> p(n * cols);
  std::vector<double> value(cols);
  auto at = [&](std::size_t i, std::size_t j) -> double& { return p[j * n + i]; };

  for (std::size_t i = 0; i < n; ++i) at(i, 0) = b[i];
  value[0] = first;
  double step = 0.0;
  for (std::size_t i = 0; i < n; ++i) step = std::fmax(step, 0.1 * std::fabs(b[i]));
  if (step == 0.0) step = 0.1;
  double size = 0.0;
  for (std::size_t j = 1; j <= n; ++j) {
    for (std::size_t i = 0; i < n; ++i) at(i, j) = b[i];
    double trial = step;
    // Grow the step until it changes the coordinate (huge coordinates).
    while (at(j - 1, j) == b[j - 1]) {
      at(j - 1, j) = b[j - 1] + trial;
      trial *= 10;
    }
    size += trial;
  }
  double oldSize = size;
  bool evaluateVertices = true;
  std::size_t low = 0;  // index of the best vertex (R's L - 1)
  NelderMeadStatus status = NelderMeadStatus::Converged;

  do {
    if (evaluateVertices) {
      for (std::size_t j = 0; j <= n; ++j) {
        if (j == low) continue;
        for (std::size_t i = 0; i < n; ++i) b[i] = at(i, j);
        value[j] = eval(count);
      }
      evaluateVertices = false;
    }
    double vLow = value[low], vHigh = vLow;
    std::size_t high = low;
    for (std::size_t j = 0; j <= n; ++j) {
      if (j == low) continue;
      const double v = value[j];
      if (v < vLow) {
        low = j;
        vLow = v;
      }
      if (v > vHigh) {
        high = j;
        vHigh = v;
      }
    }
    if (vHigh <= vLow + convTol || vLow <= options.absTol) break;

    for (std::size_t i = 0; i < n; ++i) {
      double sum = -at(i, high);
      for (std::size_t j = 0; j <= n; ++j) sum += at(i, j);
      at(i, centroid) = sum / static_cast<double>(n);
    }
    for (std::size_t i = 0; i < n; ++i)
      b[i] = (1.0 + options.reflection) * at(i, centroid) - options.reflection * at(i, high);
    const double vReflect = eval(count);
    if (vReflect < vLow) {
      // Try to expand further; the centroid column keeps the reflected point.
      value[centroid] = vReflect;
      for (std::size_t i = 0; i < n; ++i) {
        const double expanded = options.expansion * b[i] + (1 - options.expansion) * at(i, centroid);
        at(i, centroid) = b[i];
        b[i] = expanded;
      }
      const double vExpand = eval(count);
      if (vExpand < vReflect) {
        for (std::size_t i = 0; i < n; ++i) at(i, high) = b[i];
        value[high] = vExpand;
      } else {
        for (std::size_t i = 0; i < n; ++i) at(i, high) = at(i, centroid);
        value[high] = vReflect;
      }
    } else {
      if (vReflect < vHigh) {
        for (std::size_t i = 0; i < n; ++i) at(i, high) = b[i];
        value[high] = vReflect;
      }
      for (std::size_t i = 0; i < n; ++i)
        b[i] = (1 - options.contraction) * at(i, high) + options.contraction * at(i, centroid);
      const double vContract = eval(count);
      if (vContract < value[high]) {
        for (std::size_t i = 0; i < n; ++i) at(i, high) = b[i];
        value[high] = vContract;
      } else if (vReflect >= vHigh) {
        // Shrink towards the best vertex.
        evaluateVertices = true;
        size = 0.0;
        for (std::size_t j = 0; j <= n; ++j) {
          if (j == low) continue;
          for (std::size_t i = 0; i < n; ++i) {
            at(i, j) = options.contraction * (at(i, j) - at(i, low)) + at(i, low);
            size += std::fabs(at(i, j) - at(i, low));
          }
        }
        if (size < oldSize) {
          oldSize = size;
        } else {
          status = NelderMeadStatus::ShrinkFailed;
          break;
        }
      }
    }
  } while (count <= options.maxEvaluations);

  if (count > options.maxEvaluations) status = NelderMeadStatus::EvaluationLimit;
  result.x.resize(n);
  for (std::size_t i = 0; i < n; ++i) result.x[i] = at(i, low);
  result.value = value[low];
  result.evaluations = count;
  result.status = status;
  return result;
}

}  // namespace foresight::optim
