#include "engine/models/arima/ArimaCandidate.h"

#include <cmath>  // std::isnan

#include "engine/models/arima/ArimaFitError.h"

namespace foresight::arima {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

// forecast's checkarima: a variance estimate whose square root is NaN.
bool badVariance(const Eigen::MatrixXd& var) {
  for (Eigen::Index i = 0; i < var.rows(); ++i)
    if (std::isnan(var(i, i)) || var(i, i) < 0) return true;
  return false;
}
}  // namespace

void ArimaCandidate::check() {
  if (checked) return;
  checked = true;
  try {
    if (badVariance(variance())) score = kInf;
  } catch (const ArimaFitError&) {
    score = kInf;  // R: solve() or optimHess() stops, myarima's try() gives Inf
  }
  variance = nullptr;
}

ArimaCandidate ArimaCandidate::record() const {
  ArimaCandidate r;
  r.order = order;
  r.constant = constant;
  r.score = score;
  r.variance = variance;
  r.checked = checked;
  return r;
}

}  // namespace foresight::arima
