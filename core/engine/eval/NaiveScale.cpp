#include "engine/eval/NaiveScale.h"

#include <cmath>  // std::isfinite, std::fabs

namespace foresight {

NaiveScale NaiveScale::of(const Eigen::Ref<const Eigen::VectorXd>& training, int period) {
  NaiveScale s;
  s.period = period < 1 ? 1 : period;
  double sumAbs = 0.0, sumSq = 0.0;
  for (Eigen::Index t = s.period; t < training.size(); ++t) {
    const double d = training[t] - training[t - s.period];
    if (!std::isfinite(d)) continue;
    sumAbs += std::fabs(d);
    sumSq += d * d;
    ++s.terms;
  }
  if (s.terms > 0) {
    s.meanAbs = sumAbs / s.terms;
    s.meanSq = sumSq / s.terms;
  }
  return s;
}

}  // namespace foresight
