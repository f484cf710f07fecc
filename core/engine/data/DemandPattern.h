// What kind of demand a series is, by Syntetos and Boylan (2005): the mean
// interval between demands (ADI) and the squared coefficient of variation of
// the non-zero demand sizes (CV²), cut at 1.32 and 0.49:
//
//                 CV² < 0.49      CV² >= 0.49
//   ADI < 1.32    smooth          erratic
//   ADI >= 1.32   intermittent    lumpy
//
// Smooth series suit ETS, ARIMA and Theta; intermittent and lumpy ones
// croston (SBA), tsb, adida and imapa.
//
// Two classes come first. "inactive": the series has no demand, or it ends
// in a run of zero periods that a series with its own demand rate would
// show by chance less than once in 1,000 ((1 - 1/ADI)^run < 0.001) and that
// lasts at least kMinInactiveRun periods of its frequency (a product that
// stopped selling; a Croston forecast would keep its old rate, TSB decays).
// "not_demand": the series holds a negative value (returns, margins), so
// the classes do not apply.
//
// ADI is Croston's: the first interval counted from the start, trailing
// zeros left out ((position of the last demand + 1) / demands). CV² uses the
// sample variance of the sizes (0 with a single demand). Missing periods are
// left out of every count.
#pragma once

#include <optional>
#include <string_view>

#include "engine/common/Frequency.h"
#include "engine/common/TimeSeries.h"

namespace foresight {

enum class DemandClass { Smooth, Erratic, Intermittent, Lumpy, Inactive, NotDemand };

// "smooth", "erratic", "intermittent", "lumpy", "inactive", "not_demand".
std::string_view demandClassName(DemandClass c);
std::optional<DemandClass> parseDemandClass(std::string_view name);

struct DemandPattern {
  static constexpr double kAdiCut = 1.32;
  static constexpr double kCv2Cut = 0.49;
  static constexpr double kInactiveChance = 0.001;

  DemandClass demandClass = DemandClass::Inactive;
  long long periods = 0;      // finite values
  long long demands = 0;      // non-zero values
  long long trailingZeros = 0;
  double zeroShare = 0;       // zeros / periods (0 when no period)
  double adi = 0;             // NaN without demand
  double cv2 = 0;             // NaN without demand

  // The shortest trailing run of zeros called inactive: D 28, W 8, M 3,
  // Q 2, Y 2 periods.
  static long long minInactiveRun(Frequency f);
  static DemandPattern of(const TimeSeries& series);
};

}  // namespace foresight
