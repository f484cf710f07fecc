// Where a registry lives: `sqlite:///abs/path.db` or
// `postgresql://user[:pass]@host[:port]/db[?schema=S&sslmode=M...]`, chosen by
// --registry, else $FORESIGHT_REGISTRY, else an SQLite file in the user's data
// folder. The password is kept for connecting but never shown.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace foresight::registry {

class RegistryUri {
 public:
  enum class Backend { Sqlite, Postgres };

  // Throws InputError (quoting the URI without its password) when malformed.
  static RegistryUri parse(const std::string& text);
  // --registry value if given, else $FORESIGHT_REGISTRY, else the default file.
  static RegistryUri resolve(const std::optional<std::string>& explicitUri);
  // <GenericDataLocation>/foresight/registry.db
  static std::string defaultSqlitePath();

  Backend backend() const { return backend_; }
  bool isSqlite() const { return backend_ == Backend::Sqlite; }
  // SQLite: the database file.
  const std::string& path() const { return path_; }
  // PostgreSQL: connection parts (port 0 and empty strings mean libpq defaults).
  const std::string& host() const { return host_; }
  int port() const { return port_; }
  const std::string& user() const { return user_; }
  const std::string& password() const { return password_; }
  const std::string& database() const { return database_; }
  // PostgreSQL schema holding the registry's tables (empty: the default).
  const std::string& schema() const { return schema_; }
  // libpq options given in the query string (sslmode, connect_timeout, ...).
  const std::map<std::string, std::string>& options() const { return options_; }
  // How it was chosen: "--registry", "FORESIGHT_REGISTRY" or "default".
  const std::string& origin() const { return origin_; }
  // Chosen by default, or an SQLite URI naming the default file (the
  // workbench saves the default as a URI): its folder is created on first use.
  bool isDefaultLocation() const;

  // The URI for messages and output: the password, if any, shown as ***.
  std::string redacted() const;
  // `text` with every occurrence of the password (plain or percent-encoded)
  // replaced by ***; applied to every database message before it is shown.
  std::string scrub(std::string text) const;

 private:
  static RegistryUri parseSqlite(const std::string& text);
  static RegistryUri parsePostgres(const std::string& text, std::size_t schemeEnd);
  void parseQuery(const std::string& query, const std::string& shownUri);

  Backend backend_ = Backend::Sqlite;
  std::string path_, host_, user_, password_, database_, schema_;
  int port_ = 0;
  std::map<std::string, std::string> options_;
  std::string origin_ = "--registry";
};

}  // namespace foresight::registry
