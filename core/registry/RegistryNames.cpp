#include "registry/RegistryNames.h"

#include "engine/common/Errors.h"
#include "engine/common/SafeName.h"

namespace foresight::registry {

bool isValidName(std::string_view text) { return isSafeName(text); }

void requireValidName(std::string_view what, std::string_view text) { requireSafeName(what, text); }

void requireValidTagValue(std::string_view key, std::string_view value) {
  if (value.size() > 1024)
    throw InputError(InputLocation{"", 0, "tag " + std::string(key), std::string(value)},
                     "tag value longer than 1024 characters");
  for (char c : value)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      throw InputError(InputLocation{"", 0, "tag " + std::string(key), std::string(value)},
                       "tag value contains a control character");
}

}  // namespace foresight::registry
