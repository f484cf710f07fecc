// What the fuzz targets share: the oracle check that stops libFuzzer on a
// violated invariant (so it saves the input), and small text helpers.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace foresight::fuzz {

// An oracle violation: print why, then trap so libFuzzer reports a crash
// and writes the input (crash-<sha1>) for tests/fuzz/regressions/.
[[noreturn]] inline void violated(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\nFUZZ ORACLE VIOLATED: %s\n  %s\n", what, detail.c_str());
  std::fflush(stderr);
  __builtin_trap();
}

inline void check(bool ok, const char* what, const std::string& detail = "") {
  if (!ok) violated(what, detail);
}

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

inline bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Physical lines in `text` as the engine counts them: LF, CRLF and a lone
// CR each end a line (detail::lineOfOffset).
inline std::size_t physicalLines(std::string_view text) {
  std::size_t lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') ++lines;
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) ++lines;
  }
  return lines;
}

// Percent-encodes every byte except RFC 3986 unreserved ones.
inline std::string percentEncode(std::string_view raw) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.' ||
        u == '_' || u == '~') {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 0xf];
    }
  }
  return out;
}

}  // namespace foresight::fuzz
