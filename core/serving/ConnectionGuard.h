// Per-connection limits QHttpServer 6.4 does not have: a request must arrive
// whole within the request timeout (slowloris), headers within
// maxHeaderBytes, a body within maxBodyBytes (Content-Length is checked as
// soon as the headers are in, before the body is buffered), and an idle
// keep-alive connection is closed after the idle timeout. A violation is
// answered with a JSON error and the connection closed.
//
// It sees each chunk before QHttpServer's parser does (its readyRead slot is
// connected first) and learns from HttpFrontEnd when a request was complete.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <functional>
#include <string>

#include "serving/ServingLimits.h"

class QTcpSocket;

namespace foresight::serving {

class ConnectionGuard : public QObject {
  Q_OBJECT

 public:
  // Called when the guard closes a connection: status sent (0: none), reason.
  using OnClose = std::function<void(int status, const std::string& reason)>;

  ConnectionGuard(QTcpSocket* socket, const ServingLimits& limits, OnClose onClose);

  // The parser delivered a request: reset the budget; bytes already in the
  // socket buffer belong to the next (pipelined) request.
  void requestCompleted();
  // True once the guard answered and closed: later requests are ignored.
  bool rejected() const { return rejected_; }
  // Graceful shutdown: close now when idle, else after the current reply.
  void closeWhenIdle();
  bool closing() const { return closing_; }
  bool idle() const { return requestBytes_ == 0; }

 private:
  void onReadyRead();
  void feed(const QByteArray& chunk);
  void checkHeaders();
  void onTimeout();
  void reject(int status, const std::string& code, const std::string& message, const std::string& reason);

  QTcpSocket* socket_;
  ServingLimits limits_;
  OnClose onClose_;
  QTimer timer_;
  qint64 requestBytes_ = 0;   // bytes of the request being received
  qint64 unparsed_ = 0;       // bytes already fed but left for the parser's next round
  QByteArray head_;           // the request's first bytes, until the headers end
  bool headersDone_ = false;
  bool rejected_ = false;
  bool closing_ = false;
};

}  // namespace foresight::serving
