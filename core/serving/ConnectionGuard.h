// Per-connection limits and framing QHttpServer 6.4 does not have: every byte
// of the stream passes HttpRequestFramer (strict RFC 9112 framing, header
// count and size, Content-Length within maxBodyBytes) before QHttpServer's
// parser reads it; a request must arrive whole within the request timeout
// (slowloris), and an idle keep-alive connection is closed after the idle
// timeout. A violation is answered with a JSON error and the connection
// closed; requests QHttpServer parses after that are ignored (rejected()).
//
// It sees each chunk before QHttpServer's parser does (its readyRead slot is
// connected first) and notes, after the parser's slot, how many bytes the
// parser left in the socket buffer (already scanned, so not counted again).
// HttpFrontEnd takes the framer's record of each request (method as sent,
// HTTP version, keep-alive) in order.
#pragma once

#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "serving/HttpRequestFramer.h"
#include "serving/ServingLimits.h"

class QTcpSocket;

namespace foresight::serving {

class ConnectionGuard : public QObject {
  Q_OBJECT

 public:
  // Called when the guard closes a connection: status sent (0: none), reason.
  using OnClose = std::function<void(int status, const std::string& reason)>;

  ConnectionGuard(QTcpSocket* socket, const ServingLimits& limits, OnClose onClose);

  // The parser delivered a request: the framer's record of it (oldest first);
  // nullopt if the framer never accepted one (the front end then closes).
  std::optional<HttpRequestFramer::Request> takeRequest();
  // True once the guard answered and closed: later requests are ignored.
  bool rejected() const { return rejected_; }
  // Graceful shutdown: close now when idle, else after the current reply.
  void closeWhenIdle();
  bool closing() const { return closing_; }
  bool idle() const { return accepted_.empty() && framer_.betweenRequests(); }

 private:
  void onReadyRead();
  void afterParser();
  void onTimeout();
  void reject(int status, const std::string& code, const std::string& message, const std::string& reason);

  QTcpSocket* socket_;
  ServingLimits limits_;
  OnClose onClose_;
  QTimer timer_;
  HttpRequestFramer framer_;
  std::deque<HttpRequestFramer::Request> accepted_;  // framed, not yet answered
  qint64 scannedInBuffer_ = 0;  // bytes at the buffer's front the parser left, already scanned
  bool afterParserConnected_ = false;
  bool rejected_ = false;
  bool closing_ = false;
};

}  // namespace foresight::serving
