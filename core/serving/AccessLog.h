// Lines the service writes to stderr: one per request (method, path with the
// value of every key-like parameter removed, status, bytes, milliseconds) and operator notes
// (reloads, swaps, shutdown). Each line is one write(2), so lines from
// several threads never interleave.
#pragma once

#include <QByteArray>
#include <string_view>

namespace foresight::serving {

class AccessLog {
 public:
  // `path` is the request target as sent; key-like values are replaced.
  static QByteArray requestLine(const QByteArray& method, const QByteArray& target, int status,
                                long long bytes, double milliseconds);
  // The request target with the value of every key-like parameter shown as ***.
  static QByteArray scrubTarget(const QByteArray& target);
  // A parameter name that may carry a secret: api_key, API_KEY, apikey, key,
  // token, access-token, password, ... (case and separators ignored).
  static bool isSecretName(const QByteArray& decodedName);
  static void write(const QByteArray& line);
  // "foresight serve: <text>"
  static void note(std::string_view text);
};

}  // namespace foresight::serving
