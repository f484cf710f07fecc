// What the user asked of ets(): fixed or automatic components, fixed
// smoothing parameters, the information criterion and estimation options
// (R's ets() arguments; an unset component is R's "Z").
#pragma once

#include <optional>

#include "engine/common/Cancellation.h"
#include "engine/models/ets/EtsEstimator.h"
#include "engine/models/ets/EtsForm.h"

namespace foresight {

enum class EtsIc { Aicc, Aic, Bic };

struct EtsRequest {
  std::optional<EtsError> error;    // unset: A and M
  std::optional<EtsTrend> trend;    // unset: N and A
  std::optional<EtsSeason> season;  // unset: N, A and M
  std::optional<bool> damped;       // unset: both, where there is a trend
  EtsFixed fixed;
  bool additiveOnly = false;
  EtsIc ic = EtsIc::Aicc;
  EtsEstimationOptions estimation;
  const CancellationToken* cancel = nullptr;  // checked before every form the search fits

  bool fullyAutomatic() const { return !error && !trend && !season; }
};

}  // namespace foresight
