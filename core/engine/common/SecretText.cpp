#include "engine/common/SecretText.h"

#include <cctype>

namespace foresight {

namespace {

std::string normalised(std::string_view name) {
  std::string n;
  for (char c : name)
    if (c != '_' && c != '-' && c != '.') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return n;
}

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; }

// Characters that end a value inside a command line, a query string or a
// conninfo string.
bool endsValue(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == '&' || c == ';' || c == '\'' || c == '"';
}

// An option that names where a secret is kept (--api-key-file) is not one.
bool namesALocation(std::string_view name) {
  const std::string n = normalised(name);
  return n.find("file") != std::string::npos || n.find("path") != std::string::npos ||
         n.find("dir") != std::string::npos;
}

// scheme://user:PASSWORD@ -> scheme://user:***@, for every URI in `text`.
std::string redactUserinfo(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t sep = text.find("://", i);
    if (sep == std::string_view::npos) break;
    const std::size_t authority = sep + 3;
    std::size_t end = authority;
    while (end < text.size() && !endsValue(text[end]) && text[end] != '/' && text[end] != '?' && text[end] != '#')
      ++end;
    // The password runs to the last '@' of the authority, as URI parsers take it.
    const std::size_t at = text.substr(authority, end - authority).rfind('@');
    const std::size_t colon = at == std::string_view::npos ? at : text.substr(authority, at).find(':');
    out.append(text.substr(i, authority - i));
    if (colon != std::string_view::npos) {
      out.append(text.substr(authority, colon + 1));
      out += "***";
      out.append(text.substr(authority + at, end - authority - at));
    } else {
      out.append(text.substr(authority, end - authority));
    }
    i = end;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace

bool isSecretName(std::string_view name) {
  const std::string n = normalised(name);
  for (const char* word : {"key", "token", "secret", "pass", "pwd", "auth", "credential", "session", "signature"})
    if (n.find(word) != std::string::npos) return true;
  return false;
}

std::string redactSecrets(std::string_view input) {
  const std::string text = redactUserinfo(input);
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    // A name starts after a separator (or at the start) and may carry dashes.
    const bool atStart = i == 0 || endsValue(text[i - 1]) || text[i - 1] == '?';
    if (!atStart || !isNameChar(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && isNameChar(text[end])) ++end;
    const std::string_view word = std::string_view(text).substr(i, end - i);
    std::size_t dashes = 0;
    while (dashes < word.size() && word[dashes] == '-') ++dashes;
    const std::string_view name = word.substr(dashes);
    out.append(word);
    i = end;
    if (name.empty() || !isSecretName(name) || namesALocation(name)) continue;
    std::size_t valueStart = std::string::npos;
    if (i < text.size() && text[i] == '=') {
      out += '=';
      valueStart = i + 1;
    } else if (dashes > 0 && i < text.size() && text[i] == ' ') {
      // --password VALUE: the next word is the value, unless it is an option.
      std::size_t next = i;
      while (next < text.size() && text[next] == ' ') ++next;
      if (next < text.size() && text[next] != '-') {
        out.append(text, i, next - i);
        valueStart = next;
      }
    }
    if (valueStart == std::string::npos) continue;
    std::size_t valueEnd = valueStart;
    if (valueEnd < text.size() && (text[valueEnd] == '\'' || text[valueEnd] == '"')) {
      // A quoted value (the lineage quotes arguments with spaces) runs to its closing quote.
      const char quote = text[valueEnd];
      const std::size_t close = text.find(quote, valueEnd + 1);
      valueEnd = close == std::string::npos ? text.size() : close + 1;
    } else {
      while (valueEnd < text.size() && !endsValue(text[valueEnd])) ++valueEnd;
    }
    if (valueEnd > valueStart) out += "***";
    i = valueEnd;
  }
  return out;
}

}  // namespace foresight
