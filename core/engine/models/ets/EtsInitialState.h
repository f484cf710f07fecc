// Starting values of the ETS states, by R's heuristic (initstate() in ets.R):
// a classical decomposition (or, with fewer than three periods, a linear
// trend plus one Fourier pair) gives the seasonal states; a regression on
// the first max(10, 2m) seasonally adjusted values gives level and slope.
#pragma once

#include <vector>

#include "engine/models/ets/EtsForm.h"

namespace foresight {

class EtsInitialState {
 public:
  // [level, slope (with a trend), s_1 .. s_{m-1} (with a season)]: the last
  // seasonal state is implied (the seasonal states sum to 0, or to m for a
  // multiplicative season). Needs y.size() >= 4 with a season.
  static std::vector<double> estimate(const std::vector<double>& y, EtsForm form, int period);

 private:
  // Seasonal component of y by the short-series Fourier regression.
  static std::vector<double> fourierSeasonal(const std::vector<double>& y, int period, bool multiplicative);
};

}  // namespace foresight
