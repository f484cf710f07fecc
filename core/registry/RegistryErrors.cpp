#include "registry/RegistryErrors.h"

namespace foresight::registry {

RegistryIntegrityError::RegistryIntegrityError(const std::string& registry, const std::string& model,
                                               int version, const std::string& storedSha256,
                                               const std::string& computedSha256)
    : InputError("registry " + registry + ": model '" + model + "' version " +
                 std::to_string(version) + ": the stored artifact does not match its SHA-256 " +
                 "(recorded " + storedSha256 + ", computed " + computedSha256 +
                 "); it was changed after it was pushed"),
      model_(model),
      version_(version),
      stored_(storedSha256),
      computed_(computedSha256) {}

}  // namespace foresight::registry
