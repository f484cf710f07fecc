#include "serving/ConnectionGuard.h"

#include <QTcpSocket>
#include <vector>

#include "serving/HttpReply.h"

namespace foresight::serving {

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const ServingLimits& limits, OnClose onClose)
    : QObject(socket), socket_(socket), limits_(limits), onClose_(std::move(onClose)), framer_(limits) {
  // The socket never buffers more than one whole request could need, so a
  // client streaming without end cannot grow the service's memory.
  socket_->setReadBufferSize(limits_.maxHeaderBytes + limits_.maxBodyBytes + 65536);
  timer_.setSingleShot(true);
  connect(&timer_, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
  connect(socket_, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
  timer_.start(limits_.idleTimeout);
}

void ConnectionGuard::onReadyRead() {
  if (!afterParserConnected_) {
    // QHttpServer connected its slot when it took the connection, after this
    // guard's: a slot connected now runs after the parser's on every later
    // signal (and the parser has not read anything yet).
    // Qt does not call a slot connected during an emission in that emission,
    // so for this first one the note is taken on the next event-loop pass,
    // before the socket is polled again.
    afterParserConnected_ = true;
    connect(socket_, &QTcpSocket::readyRead, this, &ConnectionGuard::afterParser);
    QMetaObject::invokeMethod(this, &ConnectionGuard::afterParser, Qt::QueuedConnection);
  }
  if (rejected_) return;
  const qint64 available = socket_->bytesAvailable();
  const qint64 fresh = available - scannedInBuffer_;  // new bytes sit after those the parser left
  scannedInBuffer_ = available;
  if (fresh <= 0) return;
  const bool wasBetween = framer_.betweenRequests();
  const QByteArray bytes = socket_->peek(available).right(fresh);
  std::vector<HttpRequestFramer::Request> done;
  if (auto rejection = framer_.feed(bytes, done)) {
    const int status = rejection->status;
    reject(status, rejection->code, rejection->message,
           status == 413 ? "too_large" : status == 431 ? "headers_too_large" : "bad_framing");
    return;
  }
  accepted_.insert(accepted_.end(), done.begin(), done.end());
  // The request timeout runs from a request's first byte until it is whole.
  if (framer_.betweenRequests()) timer_.start(limits_.idleTimeout);
  else if (wasBetween || !done.empty()) timer_.start(limits_.requestTimeout);
}

void ConnectionGuard::afterParser() { scannedInBuffer_ = socket_->bytesAvailable(); }

std::optional<HttpRequestFramer::Request> ConnectionGuard::takeRequest() {
  if (accepted_.empty()) return std::nullopt;
  HttpRequestFramer::Request r = accepted_.front();
  accepted_.pop_front();
  return r;
}

void ConnectionGuard::closeWhenIdle() {
  closing_ = true;
  if (idle()) socket_->disconnectFromHost();
}

void ConnectionGuard::onTimeout() {
  if (rejected_) return;
  if (!framer_.betweenRequests()) {
    reject(408, "request_timeout",
           "the request did not arrive whole within " + std::to_string(limits_.requestTimeout.count()) + " ms", "timeout");
    return;
  }
  rejected_ = true;
  onClose_(0, "idle");
  socket_->disconnectFromHost();
}

void ConnectionGuard::reject(int status, const std::string& code, const std::string& message, const std::string& reason) {
  rejected_ = true;
  timer_.stop();
  if (socket_->state() == QAbstractSocket::ConnectedState) socket_->write(HttpReply::error(status, code, message).wire(true));
  onClose_(status, reason);
  socket_->disconnectFromHost();
}

}  // namespace foresight::serving
