// A request's query string, decoded strictly: each value percent-decoded
// ('+' is a space) and checked to be UTF-8; a parameter given twice or one
// the route does not know is a 400 naming it, so typos never pass silently.
#pragma once

#include <QByteArray>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace foresight::serving {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool isValidUtf8(std::string_view bytes);
// Percent-decodes `raw`; `plusIsSpace` for query strings.
std::string percentDecode(std::string_view raw, bool plusIsSpace);

class QueryString {
 public:
  QueryString() = default;
  // HttpError 400 for invalid UTF-8 or a repeated parameter.
  static QueryString parse(const QByteArray& raw);

  std::optional<std::string> get(const std::string& name) const;
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  // Every parameter, decoded, by name (the fuzz target re-encodes them).
  const std::map<std::string, std::string>& values() const { return values_; }
  // HttpError 400 naming the first parameter not in `allowed`.
  void requireOnly(std::initializer_list<std::string_view> allowed) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace foresight::serving
