// A blocking HTTP/1.1 client over QTcpSocket for the serving tests: sends
// exactly the bytes given (so malformed requests can be written by hand) and
// reads one response, or notices that the server closed the connection.
#pragma once

#include <QByteArray>
#include <QMap>
#include <QTcpSocket>
#include <memory>
#include <nlohmann/json.hpp>

namespace foresight::test {

struct HttpResult {
  int status = 0;                      // 0: no response
  QMap<QByteArray, QByteArray> headers;  // names in lower case
  QByteArray body;
  bool closed = false;                 // the server closed the connection

  nlohmann::json json() const;
  // True for a 4xx reply whose body is {"error":{"code","message"}}.
  bool isJsonClientError() const;
};

class HttpTestClient {
 public:
  explicit HttpTestClient(quint16 port);
  bool connected() const;
  // Writes `bytes` as they are.
  void send(const QByteArray& bytes);
  // Reads one response; waits at most `timeoutMs` in all.
  HttpResult read(int timeoutMs = 15000);
  QTcpSocket& socket() { return *socket_; }

  static HttpResult get(quint16 port, const QByteArray& target, const QByteArray& extraHeaders = {});
  static HttpResult post(quint16 port, const QByteArray& target, const QByteArray& body,
                         const QByteArray& extraHeaders = {});
  static HttpResult raw(quint16 port, const QByteArray& bytes);

 private:
  std::unique_ptr<QTcpSocket> socket_;
  QByteArray buffer_;
};

}  // namespace foresight::test
