#include "engine/common/SafeName.h"

#include <string>

#include "engine/common/Errors.h"

namespace foresight {

namespace {
bool isAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
}  // namespace

bool isSafeName(std::string_view text) {
  if (text.empty() || text.size() > 128 || !isAsciiAlnum(text.front())) return false;
  for (char c : text)
    if (!isAsciiAlnum(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

void requireSafeName(std::string_view what, std::string_view text, std::string_view field) {
  if (isSafeName(text)) return;
  throw InputError(InputLocation{"", 0, std::string(field.empty() ? what : field), std::string(text)},
                   "invalid " + std::string(what) + ": use " + std::string(kSafeNameRule));
}

}  // namespace foresight
