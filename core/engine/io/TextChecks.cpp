#include "engine/io/TextChecks.h"

#include <cstdint>
#include <cstring>  // std::memcpy

#include "engine/common/Errors.h"

namespace foresight::detail {

namespace {

// Length of the valid UTF-8 sequence starting at p[0] (a byte >= 0x80), or 0.
std::size_t multiByteLength(const unsigned char* p, std::size_t avail) {
  const unsigned char b = p[0];
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (avail < len || p[1] < lo || p[1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if ((p[k] & 0xC0) != 0x80) return 0;
  return len;
}

// True when none of the 8 bytes is NUL or >= 0x80 (the common case, checked a word at a time).
bool plainAsciiWord(const unsigned char* p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  const bool hasZero = ((w - kOnes) & ~w & kHighs) != 0;
  return (w & kHighs) == 0 && !hasZero;
}

[[noreturn]] void throwBinary(std::string_view text, const std::string& source, std::size_t offset,
                              const std::string& what) {
  throw InputError(InputLocation{source, lineOfOffset(text, offset), "", ""},
                   "binary content, not delimited text: " + what + " at byte offset " +
                       std::to_string(offset) + " (text files must be UTF-8)");
}

}  // namespace

std::string_view stripUtf8Bom(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::size_t lineOfOffset(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
      ++line;
  }
  return line;
}

void requireUtf8Text(std::string_view text, const std::string& source) {
  if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF"))
    throwBinary(text, source, 0, "a UTF-16 byte order mark");
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && plainAsciiWord(p + i)) {
      i += 8;
      continue;
    }
    if (p[i] == 0) throwBinary(text, source, i, "a NUL byte");
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = multiByteLength(p + i, n - i);
    if (len == 0) {
      static const char* hex = "0123456789ABCDEF";
      const std::string byte = {'0', 'x', hex[p[i] >> 4], hex[p[i] & 0xF]};
      throwBinary(text, source, i, "invalid UTF-8 byte " + byte);
    }
    i += len;
  }
}

}  // namespace foresight::detail
