#include "registry/RegistryUri.h"

#include <QByteArray>
#include <QDir>
#include <QStandardPaths>
#include <QString>
#include <charconv>  // std::from_chars
#include <regex>

#include "engine/common/Errors.h"
#include "engine/common/SecretText.h"

namespace foresight::registry {

namespace {

std::string percentDecode(const std::string& s) {
  return QByteArray::fromPercentEncoding(QByteArray::fromStdString(s)).toStdString();
}

std::string percentEncode(const std::string& s) {
  return QByteArray::fromStdString(s).toPercentEncoding().toStdString();
}

// Query keys libpq understands that make sense for a registry connection.
bool isPassThroughOption(const std::string& key) {
  return key == "sslmode" || key == "connect_timeout" || key == "application_name" ||
         key == "sslrootcert" || key == "target_session_attrs";
}

[[noreturn]] void badUri(const std::string& shownUri, const std::string& problem) {
  throw InputError(InputLocation{"", 0, "registry", shownUri},
                   problem + " (expected sqlite:///abs/path.db or "
                             "postgresql://user[:pass]@host[:port]/db)");
}

}  // namespace

RegistryUri RegistryUri::parse(const std::string& text) {
  const std::string shown = redactSecrets(text);
  if (text.rfind("sqlite:", 0) == 0) return parseSqlite(text);
  if (text.rfind("postgresql://", 0) == 0) return parsePostgres(text, 13);
  if (text.rfind("postgres://", 0) == 0) return parsePostgres(text, 11);
  if (text.empty()) badUri(shown, "empty registry URI");
  badUri(shown, "unknown registry URI scheme");
}

RegistryUri RegistryUri::parseSqlite(const std::string& text) {
  if (text.rfind("sqlite:///", 0) != 0 || text.size() <= 10)
    badUri(text, "an SQLite registry URI needs an absolute path after sqlite://");
  RegistryUri u;
  u.backend_ = Backend::Sqlite;
  u.path_ = percentDecode(text.substr(9));  // keeps the leading '/'
  if (u.path_.back() == '/') badUri(text, "the SQLite registry path names a folder, not a file");
  u.path_ = QDir::cleanPath(QString::fromStdString(u.path_)).toStdString();
  return u;
}

RegistryUri RegistryUri::parsePostgres(const std::string& text, std::size_t schemeEnd) {
  const std::string shown = redactSecrets(text);
  RegistryUri u;
  u.backend_ = Backend::Postgres;
  std::string rest = text.substr(schemeEnd);
  std::string query;
  if (const auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest.erase(q);
  }
  const auto slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  if (slash != std::string::npos) u.database_ = percentDecode(rest.substr(slash + 1));
  if (u.database_.find('/') != std::string::npos) badUri(shown, "the database name contains '/'");
  if (const auto at = authority.rfind('@'); at != std::string::npos) {
    const std::string userinfo = authority.substr(0, at);
    authority.erase(0, at + 1);
    const auto colon = userinfo.find(':');
    u.user_ = percentDecode(userinfo.substr(0, colon));
    if (colon != std::string::npos) u.password_ = percentDecode(userinfo.substr(colon + 1));
  }
  std::string portText;
  if (!authority.empty() && authority.front() == '[') {  // [IPv6]:port
    const auto close = authority.find(']');
    if (close == std::string::npos) badUri(shown, "unterminated [IPv6] host");
    u.host_ = authority.substr(1, close - 1);
    const std::string after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') badUri(shown, "unexpected text after ]");
    if (!after.empty()) portText = after.substr(1);
  } else {
    const auto colon = authority.find(':');
    u.host_ = percentDecode(authority.substr(0, colon));
    if (colon != std::string::npos) portText = authority.substr(colon + 1);
  }
  if (!portText.empty()) {
    int port = 0;
    const auto* end = portText.data() + portText.size();
    const auto [ptr, ec] = std::from_chars(portText.data(), end, port);
    if (ec != std::errc() || ptr != end || port < 1 || port > 65535)
      badUri(shown, "port " + quoteForMessage(portText) + " is not a number in 1..65535");
    u.port_ = port;
  }
  u.parseQuery(query, shown);
  return u;
}

void RegistryUri::parseQuery(const std::string& query, const std::string& shownUri) {
  std::size_t start = 0;
  while (start < query.size()) {
    auto amp = query.find('&', start);
    if (amp == std::string::npos) amp = query.size();
    const std::string pair = query.substr(start, amp - start);
    start = amp + 1;
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string key = pair.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : percentDecode(pair.substr(eq + 1));
    if (key == "schema") {
      static const std::regex identifier("[A-Za-z_][A-Za-z0-9_]{0,62}");
      if (!std::regex_match(value, identifier))
        badUri(shownUri, "schema " + quoteForMessage(value) +
                             " must be a plain identifier ([A-Za-z_][A-Za-z0-9_]*)");
      schema_ = value;
    } else if (isPassThroughOption(key)) {
      if (value.find_first_of(" ;'\\") != std::string::npos)
        badUri(shownUri, "option " + key + " has a value with spaces, quotes or ';'");
      options_[key] = value;
    } else {
      badUri(shownUri, "unknown option " + quoteForMessage(key) +
                           " (known: schema, sslmode, connect_timeout, application_name, "
                           "sslrootcert, target_session_attrs)");
    }
  }
}

std::string RegistryUri::defaultSqlitePath() {
  const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
  if (base.isEmpty())
    throw InputError("no user data folder is known on this system; give --registry URI or set "
                     "FORESIGHT_REGISTRY");
  return QDir::cleanPath(base + QStringLiteral("/foresight/registry.db")).toStdString();
}

RegistryUri RegistryUri::resolve(const std::optional<std::string>& explicitUri) {
  if (explicitUri) return parse(*explicitUri);
  const QByteArray env = qgetenv("FORESIGHT_REGISTRY");
  if (!env.isEmpty()) {
    RegistryUri u = parse(env.toStdString());
    u.origin_ = "FORESIGHT_REGISTRY";
    return u;
  }
  RegistryUri u;
  u.backend_ = Backend::Sqlite;
  u.path_ = defaultSqlitePath();
  u.origin_ = "default";
  return u;
}

bool RegistryUri::isDefaultLocation() const {
  if (origin_ == "default") return true;
  if (!isSqlite()) return false;
  try {
    return QDir::cleanPath(QString::fromStdString(path_)).toStdString() == defaultSqlitePath();
  } catch (const InputError&) {
    return false;  // no user data folder: nothing is the default
  }
}

std::string RegistryUri::redacted() const {
  if (isSqlite()) return "sqlite://" + path_;
  std::string s = "postgresql://";
  if (!user_.empty() || !password_.empty()) {
    s += percentEncode(user_);
    if (!password_.empty()) s += ":***";
    s += "@";
  }
  s += host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
  if (port_ != 0) s += ":" + std::to_string(port_);
  s += "/" + percentEncode(database_);
  std::string query;
  if (!schema_.empty()) query += "schema=" + schema_;
  for (const auto& [k, v] : options_) query += (query.empty() ? "" : "&") + k + "=" + v;
  if (!query.empty()) s += "?" + query;
  return s;
}

std::string RegistryUri::scrub(std::string text) const {
  text = redactSecrets(std::move(text));
  if (password_.empty()) return text;
  for (const std::string& secret : {password_, percentEncode(password_)}) {
    for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 3))
      text.replace(pos, secret.size(), "***");
  }
  return text;
}

}  // namespace foresight::registry
