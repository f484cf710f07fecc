#include "serving/ConnectionGuard.h"

#include <QTcpSocket>

#include "serving/HttpReply.h"

namespace foresight::serving {

namespace {

QByteArray trimmed(QByteArray s) { return s.trimmed(); }

}  // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const ServingLimits& limits, OnClose onClose)
    : QObject(socket), socket_(socket), limits_(limits), onClose_(std::move(onClose)) {
  // The socket never buffers more than one whole request could need, so a
  // client streaming without end cannot grow the service's memory.
  socket_->setReadBufferSize(limits_.maxHeaderBytes + limits_.maxBodyBytes + 65536);
  timer_.setSingleShot(true);
  connect(&timer_, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
  connect(socket_, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
  timer_.start(limits_.idleTimeout);
}

void ConnectionGuard::onReadyRead() {
  if (rejected_) return;
  const qint64 available = socket_->bytesAvailable();
  const qint64 fresh = available - unparsed_;  // new bytes sit after those the parser left
  unparsed_ = 0;
  if (fresh <= 0) return;
  if (headersDone_) {
    // Past the headers only the size matters: no copy.
    if (requestBytes_ == 0) timer_.start(limits_.requestTimeout);
    requestBytes_ += fresh;
    if (requestBytes_ > limits_.maxHeaderBytes + limits_.maxBodyBytes)
      reject(413, "request_too_large", "the request is larger than the allowed body size", "too_large");
    return;
  }
  feed(socket_->peek(available).right(fresh));
}

void ConnectionGuard::feed(const QByteArray& chunk) {
  if (requestBytes_ == 0) timer_.start(limits_.requestTimeout);
  requestBytes_ += chunk.size();
  if (!headersDone_) {
    head_ += chunk.left(limits_.maxHeaderBytes + 4 - head_.size());
    checkHeaders();
    if (rejected_) return;
  }
  if (requestBytes_ > limits_.maxHeaderBytes + limits_.maxBodyBytes)
    reject(413, "request_too_large", "the request is larger than the allowed body size", "too_large");
}

void ConnectionGuard::checkHeaders() {
  qsizetype end = head_.indexOf("\r\n\r\n");
  if (end < 0) end = head_.indexOf("\n\n");
  if (end < 0 || end > limits_.maxHeaderBytes) {
    if (head_.size() > limits_.maxHeaderBytes)
      reject(431, "headers_too_large",
             "the request line and headers exceed " + std::to_string(limits_.maxHeaderBytes) + " bytes", "headers_too_large");
    return;
  }
  headersDone_ = true;
  const QList<QByteArray> lines = head_.left(end).split('\n');
  head_.clear();
  for (const QByteArray& line : lines) {
    const qsizetype colon = line.indexOf(':');
    if (colon < 0 || trimmed(line.left(colon)).toLower() != "content-length") continue;
    bool ok = false;
    const QByteArray value = trimmed(line.mid(colon + 1));
    const qlonglong length = value.toLongLong(&ok);
    if (!ok || length < 0 || value.startsWith('+')) {
      reject(400, "bad_content_length", "Content-Length is not a non-negative integer", "bad_header");
      return;
    }
    if (length > limits_.maxBodyBytes) {
      reject(413, "body_too_large", "the request body has " + std::to_string(length) + " bytes; at most " +
                                        std::to_string(limits_.maxBodyBytes) + " are allowed", "too_large");
      return;
    }
  }
}

void ConnectionGuard::requestCompleted() {
  requestBytes_ = 0;
  headersDone_ = false;
  head_.clear();
  timer_.start(limits_.idleTimeout);
  // Bytes still buffered are the start of a pipelined request the parser
  // will read next; scan them now, and do not count them again later.
  const qint64 left = socket_->bytesAvailable();
  if (left > 0) {
    feed(socket_->peek(left));
    unparsed_ = left;
  }
}

void ConnectionGuard::closeWhenIdle() {
  closing_ = true;
  if (idle()) socket_->disconnectFromHost();
}

void ConnectionGuard::onTimeout() {
  if (rejected_) return;
  if (requestBytes_ > 0) {
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
