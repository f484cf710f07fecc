// A database named as a data source: `sqlite:///abs/path.db` or
// `postgresql://user[:pass]@host[:port]/db`. The password is kept for
// connecting and never shown: messages use redacted() and scrub().
#pragma once

#include <string>
#include <string_view>

namespace foresight::pipeline {

class DatabaseUri {
 public:
  enum class Backend { Sqlite, Postgres };

  // Whether the text names a database rather than a file or folder.
  static bool looksLikeUri(std::string_view text);
  // Throws InputError (quoting the URI without its password) when malformed.
  static DatabaseUri parse(const std::string& text);

  Backend backend() const { return backend_; }
  const std::string& path() const { return path_; }  // SQLite file
  const std::string& host() const { return host_; }
  int port() const { return port_; }                  // 0: the default 5432
  const std::string& user() const { return user_; }
  const std::string& password() const { return password_; }
  const std::string& database() const { return database_; }

  // The URI with the password, if any, as ***.
  std::string redacted() const;
  // `text` with every occurrence of the password replaced by ***.
  std::string scrub(std::string text) const;

 private:
  Backend backend_ = Backend::Sqlite;
  std::string path_, host_, user_, password_, database_;
  int port_ = 0;
};

}  // namespace foresight::pipeline
