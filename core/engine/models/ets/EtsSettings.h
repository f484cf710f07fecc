// Turns a model's validated configuration into an ets() request: the `ets`
// model's parameters map onto R's ets() arguments; ses, holt, holt_damped
// and holt_winters pin the form and estimate by one-step MSE as R's ses(),
// holt() and hw() do.
#pragma once

#include "engine/models/ModelConfig.h"
#include "engine/models/ets/EtsRequest.h"

namespace foresight {

enum class EtsVariant { Ets, Ses, Holt, HoltDamped, HoltWinters };

class EtsSettings {
 public:
  // Throws InputError for contradictions (trend=Ad with damped=false, ...).
  static EtsRequest request(EtsVariant variant, const ModelConfig& config);
  // The variant's own data requirements (R's hw() wants m > 1 and m + 3
  // observations, holt() two); throws InputError.
  static void checkData(EtsVariant variant, int n, int period);
  static const char* modelName(EtsVariant variant);
};

}  // namespace foresight
