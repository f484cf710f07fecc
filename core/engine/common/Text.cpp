#include "engine/common/Text.h"

namespace foresight {

namespace {

template <typename Blank>
std::string_view trimWith(std::string_view t, Blank blank) {
  while (!t.empty() && blank(t.front())) t.remove_prefix(1);
  while (!t.empty() && blank(t.back())) t.remove_suffix(1);
  return t;
}

}  // namespace

std::string_view trimBlanks(std::string_view text) {
  return trimWith(text, [](char c) { return c == ' ' || c == '\t'; });
}

std::string_view trimWhitespace(std::string_view text) {
  return trimWith(text, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; });
}

}  // namespace foresight
