#include "engine/common/Errors.h"

namespace foresight {

std::string quoteForMessage(std::string_view text, std::size_t maxChars) {
  std::string out = "'";
  std::size_t shown = 0;
  for (char c : text) {
    if (shown == maxChars) {
      out += "...";
      break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      // Control bytes (binary garbage, stray CR) would break a one-line message.
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 0xf];
    } else {
      out += c;
    }
    ++shown;
  }
  out += "'";
  return out;
}

std::string InputLocation::describe() const {
  std::string s = file;
  if (line > 0) s += (s.empty() ? "line " : ":") + std::to_string(line);
  if (!field.empty()) s += (s.empty() ? "field '" : ": field '") + field + "'";
  if (!value.empty()) s += (s.empty() ? "value " : ": value ") + quoteForMessage(value);
  return s;
}

InputError::InputError(InputLocation where, const std::string& problem)
    : Error(where.describe().empty() ? problem : where.describe() + ": " + problem),
      where_(std::move(where)),
      problem_(problem) {}

}  // namespace foresight
