#include "serving/QueryString.h"

#include <algorithm>

#include "engine/common/Errors.h"  // quoteForMessage
#include "serving/HttpError.h"

namespace foresight::serving {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool isValidUtf8(std::string_view bytes) {
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  while (i < bytes.size()) {
    const unsigned c = at(i);
    std::size_t extra = 0;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) extra = 1;
    else if (c == 0xE0) { extra = 2; lo = 0xA0; }
    else if (c == 0xED) { extra = 2; hi = 0x9F; }  // no UTF-16 surrogates
    else if (c >= 0xE1 && c <= 0xEF) extra = 2;
    else if (c == 0xF0) { extra = 3; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) extra = 3;
    else if (c == 0xF4) { extra = 3; hi = 0x8F; }
    else return false;
    if (i + extra >= bytes.size()) return false;
    if (at(i + 1) < lo || at(i + 1) > hi) return false;
    for (std::size_t k = 2; k <= extra; ++k)
      if (at(i + k) < 0x80 || at(i + k) > 0xBF) return false;
    i += extra + 1;
  }
  return true;
}

std::string percentDecode(std::string_view raw, bool plusIsSpace) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '%' && i + 2 < raw.size() && hexValue(raw[i + 1]) >= 0 && hexValue(raw[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hexValue(raw[i + 1]) * 16 + hexValue(raw[i + 2])));
      i += 2;
    } else if (c == '+' && plusIsSpace) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

QueryString QueryString::parse(const QByteArray& raw) {
  QueryString q;
  const std::string_view text(raw.constData(), static_cast<std::size_t>(raw.size()));
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t amp = std::min(text.find('&', pos), text.size());
    const std::string_view item = text.substr(pos, amp - pos);
    pos = amp + 1;
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    const std::string name = percentDecode(item.substr(0, eq), true);
    const std::string value = eq == std::string_view::npos ? std::string() : percentDecode(item.substr(eq + 1), true);
    if (!isValidUtf8(name) || !isValidUtf8(value))
      throw HttpError::badRequest("invalid_utf8", "query parameter " + quoteForMessage(name) + " is not valid UTF-8");
    if (q.values_.count(name))
      throw HttpError::badRequest("repeated_parameter", "query parameter '" + name + "' is given more than once");
    q.values_.emplace(name, value);
  }
  return q;
}

std::optional<std::string> QueryString::get(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

void QueryString::requireOnly(std::initializer_list<std::string_view> allowed) const {
  for (const auto& [name, value] : values_) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string list;
    for (const auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw HttpError::badRequest("unknown_parameter",
                                "unknown query parameter " + quoteForMessage(name) + "; this route takes: " + list);
  }
}

}  // namespace foresight::serving
