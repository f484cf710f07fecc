#include "engine/models/mstl/MstlDecomposition.h"

#include <algorithm>  // std::sort, std::adjacent_find
#include <string>

#include "engine/common/Errors.h"
#include "engine/models/decomposition/Stl.h"

namespace foresight {

MstlDecomposition::MstlDecomposition(const Eigen::VectorXd& y, MstlOptions options) : options_(std::move(options)) {
  auto& periods = options_.periods;
  if (periods.empty()) throw InputError("mstl: no seasonal period to decompose");
  std::sort(periods.begin(), periods.end());
  if (std::adjacent_find(periods.begin(), periods.end()) != periods.end())
    throw InputError("mstl: a seasonal period is given twice");
  for (int p : periods)
    if (p < 2 || 2 * static_cast<Eigen::Index>(p) >= y.size())
      throw InputError(InputLocation{"", 0, "periods", std::to_string(p)},
                       "mstl: a period must be at least 2 and below half the " + std::to_string(y.size()) +
                           " observations");
  auto& windows = options_.seasonalWindows;
  if (windows.empty())
    for (std::size_t i = 1; i <= periods.size(); ++i) windows.push_back(7 + 4 * static_cast<int>(i));
  else if (windows.size() == 1)
    windows.assign(periods.size(), windows.front());
  if (windows.size() != periods.size())
    throw InputError("mstl: " + std::to_string(windows.size()) + " seasonal windows for " +
                     std::to_string(periods.size()) + " periods");
  // R iterates only for several periods (a plain ts gets iterate = 1).
  const int rounds = periods.size() == 1 ? 1 : std::max(1, options_.iterations);

  const std::size_t k = periods.size();
  seasonals_.assign(k, Eigen::VectorXd::Zero(y.size()));
  adjusted_ = y;
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < k; ++i) {
      // Put this period's season back, re-estimate it, take it out again.
      adjusted_ += seasonals_[i];
      StlOptions o;
      o.period = periods[i];
      o.periodic = options_.periodic;
      o.seasonalWindow = windows[i];
      o.robust = options_.robust;
      const Stl fit(adjusted_, o);
      seasonals_[i] = fit.seasonal();
      adjusted_ -= seasonals_[i];
      trend_ = fit.trend();
    }
  }
}

}  // namespace foresight
