// Which seasonal periods the mstl model decomposes: the spec's `periods`
// choice, or by default the ones msts() would be given for the frequency.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "engine/common/Frequency.h"

namespace foresight {

class MstlPeriods {
 public:
  // The values the `periods` parameter accepts: "auto", "none", and
  // '+'-joined periods ("7+365").
  static const std::vector<std::string>& choices();
  // The periods for n observations, ascending. auto: daily 7, plus 365 with
  // at least two years (730 days) of data; weekly 52; monthly 12; quarterly
  // 4; yearly none. Then, as R's mstl(), a period not below n / 2 is
  // dropped, with a line in `warnings`.
  static std::vector<int> resolve(const std::string& choice, Frequency frequency, Eigen::Index n,
                                  std::vector<std::string>& warnings);
};

}  // namespace foresight
