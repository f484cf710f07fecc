// Applies a gap policy to the missing (NaN) periods of a series.
#pragma once

#include <Eigen/Core>

#include "engine/data/SeriesRequest.h"

namespace foresight {

class GapFiller {
 public:
  // Zero: NaN -> 0. Interpolate: NaN between two observed values -> linear
  // interpolation; NaN before the first or after the last stays NaN. None: as is.
  static void apply(Eigen::VectorXd& values, GapPolicy policy);
};

}  // namespace foresight
