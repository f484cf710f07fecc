// Lines the service writes to stderr: one per request (method, path with any
// api_key value removed, status, bytes, milliseconds) and operator notes
// (reloads, swaps, shutdown). Each line is one write(2), so lines from
// several threads never interleave.
#pragma once

#include <QByteArray>
#include <string_view>

namespace foresight::serving {

class AccessLog {
 public:
  // `path` is the request target as sent; the value of api_key is replaced.
  static QByteArray requestLine(const QByteArray& method, const QByteArray& target, int status,
                                long long bytes, double milliseconds);
  // The request target with the value of every api_key parameter shown as ***.
  static QByteArray scrubTarget(const QByteArray& target);
  static void write(const QByteArray& line);
  // "foresight serve: <text>"
  static void note(std::string_view text);
};

}  // namespace foresight::serving
