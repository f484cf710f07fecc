#include "registry/RegistryNames.h"

#include "engine/common/Errors.h"

namespace foresight::registry {

namespace {
bool isAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
}  // namespace

bool isValidName(std::string_view text) {
  if (text.empty() || text.size() > 128 || !isAlnum(text.front())) return false;
  for (char c : text)
    if (!isAlnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

void requireValidName(std::string_view what, std::string_view text) {
  if (isValidName(text)) return;
  throw InputError(InputLocation{"", 0, std::string(what), std::string(text)},
                   "invalid " + std::string(what) +
                       ": use 1 to 128 characters from A-Z a-z 0-9 . _ -, starting with a "
                       "letter or digit");
}

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
