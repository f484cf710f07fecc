#include "engine/data/GapFiller.h"

#include <cmath>  // std::isnan

namespace foresight {

void GapFiller::apply(Eigen::VectorXd& v, GapPolicy policy) {
  const Eigen::Index n = v.size();
  if (policy == GapPolicy::None) return;
  if (policy == GapPolicy::Zero) {
    for (Eigen::Index i = 0; i < n; ++i)
      if (std::isnan(v[i])) v[i] = 0.0;
    return;
  }
  Eigen::Index previous = -1;  // last observed index
  for (Eigen::Index i = 0; i < n; ++i) {
    if (std::isnan(v[i])) continue;
    if (previous >= 0 && i - previous > 1) {
      const double step = (v[i] - v[previous]) / static_cast<double>(i - previous);
      for (Eigen::Index k = previous + 1; k < i; ++k) v[k] = v[previous] + step * static_cast<double>(k - previous);
    }
    previous = i;
  }
}

}  // namespace foresight
