#include "pipeline/DatabaseUri.h"

#include <QByteArray>
#include <charconv>  // std::from_chars

#include "engine/common/Errors.h"

namespace foresight::pipeline {

namespace {

std::string percentDecode(const std::string& s) {
  return QByteArray::fromPercentEncoding(QByteArray::fromStdString(s)).toStdString();
}

// The URI as it may be shown: user:password@ becomes user:***@.
std::string shown(const std::string& text) {
  const auto scheme = text.find("://");
  if (scheme == std::string::npos) return text;
  const auto at = text.rfind('@');
  const auto colon = text.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return text;
  return text.substr(0, colon + 1) + "***" + text.substr(at);
}

[[noreturn]] void bad(const std::string& text, const std::string& problem) {
  throw InputError(InputLocation{shown(text), 0, "", ""},
                   problem + " (expected sqlite:///abs/path.db or postgresql://user[:pass]@host[:port]/db)");
}

}  // namespace

bool DatabaseUri::looksLikeUri(std::string_view text) {
  return text.rfind("sqlite:", 0) == 0 || text.rfind("postgresql://", 0) == 0 ||
         text.rfind("postgres://", 0) == 0;
}

DatabaseUri DatabaseUri::parse(const std::string& text) {
  DatabaseUri u;
  if (text.rfind("sqlite:", 0) == 0) {
    if (text.rfind("sqlite:///", 0) != 0 || text.size() <= 10)
      bad(text, "an SQLite URI needs an absolute path after sqlite://");
    u.backend_ = Backend::Sqlite;
    u.path_ = percentDecode(text.substr(9));  // keeps the leading '/'
    return u;
  }
  const std::size_t schemeEnd = text.rfind("postgresql://", 0) == 0 ? 13 : text.rfind("postgres://", 0) == 0 ? 11 : 0;
  if (schemeEnd == 0) bad(text, "unknown database URI scheme");
  u.backend_ = Backend::Postgres;
  std::string rest = text.substr(schemeEnd);
  if (const auto q = rest.find('?'); q != std::string::npos)
    bad(text, "connection options after '?' are not supported for data sources");
  const auto slash = rest.find('/');
  if (slash == std::string::npos || slash + 1 >= rest.size()) bad(text, "the URI names no database");
  u.database_ = percentDecode(rest.substr(slash + 1));
  std::string authority = rest.substr(0, slash);
  if (const auto at = authority.rfind('@'); at != std::string::npos) {
    const std::string userinfo = authority.substr(0, at);
    authority.erase(0, at + 1);
    const auto colon = userinfo.find(':');
    u.user_ = percentDecode(userinfo.substr(0, colon));
    if (colon != std::string::npos) u.password_ = percentDecode(userinfo.substr(colon + 1));
  }
  const auto colon = authority.find(':');
  u.host_ = percentDecode(authority.substr(0, colon));
  if (u.host_.empty()) bad(text, "the URI names no host");
  if (colon != std::string::npos) {
    const std::string portText = authority.substr(colon + 1);
    const auto* end = portText.data() + portText.size();
    const auto [ptr, ec] = std::from_chars(portText.data(), end, u.port_);
    if (ec != std::errc() || ptr != end || u.port_ < 1 || u.port_ > 65535)
      bad(text, "port " + quoteForMessage(portText) + " is not a number in 1..65535");
  }
  return u;
}

std::string DatabaseUri::redacted() const {
  if (backend_ == Backend::Sqlite) return "sqlite://" + path_;
  std::string s = "postgresql://";
  if (!user_.empty()) s += user_ + (password_.empty() ? "" : ":***") + "@";
  s += host_;
  if (port_ != 0) s += ":" + std::to_string(port_);
  return s + "/" + database_;
}

std::string DatabaseUri::scrub(std::string text) const {
  if (password_.empty()) return text;
  for (auto pos = text.find(password_); pos != std::string::npos; pos = text.find(password_, pos + 3))
    text.replace(pos, password_.size(), "***");
  return text;
}

}  // namespace foresight::pipeline
