#include "HttpTestClient.h"

#include <QDeadlineTimer>

namespace foresight::test {

nlohmann::json HttpResult::json() const {
  return nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

bool HttpResult::isJsonClientError() const {
  if (status < 400 || status > 499) return false;
  const nlohmann::json j = json();
  return j.is_object() && j.contains("error") && j["error"].is_object() && j["error"].contains("code") &&
         j["error"]["code"].is_string() && j["error"].contains("message") && j["error"]["message"].is_string();
}

HttpTestClient::HttpTestClient(quint16 port) : socket_(std::make_unique<QTcpSocket>()) {
  socket_->connectToHost(QStringLiteral("127.0.0.1"), port);
  socket_->waitForConnected(5000);
}

bool HttpTestClient::connected() const { return socket_->state() == QAbstractSocket::ConnectedState; }

void HttpTestClient::send(const QByteArray& bytes) {
  socket_->write(bytes);
  socket_->waitForBytesWritten(5000);
}

HttpResult HttpTestClient::read(int timeoutMs) {
  HttpResult r;
  QDeadlineTimer deadline(timeoutMs);
  qsizetype headerEnd = -1;
  qsizetype length = -1;
  while (true) {
    buffer_ += socket_->readAll();
    if (headerEnd < 0 && (headerEnd = buffer_.indexOf("\r\n\r\n")) >= 0) {
      const QList<QByteArray> lines = buffer_.left(headerEnd).split('\n');
      const QList<QByteArray> statusLine = lines.front().trimmed().split(' ');
      r.status = statusLine.size() > 1 ? statusLine[1].toInt() : 0;
      for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0) r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
      }
      length = r.headers.value("content-length", "0").toLongLong();
    }
    if (headerEnd >= 0 && buffer_.size() >= headerEnd + 4 + length) {
      r.body = buffer_.mid(headerEnd + 4, length);
      buffer_.remove(0, headerEnd + 4 + length);
      return r;
    }
    if (socket_->state() != QAbstractSocket::ConnectedState) {
      r.closed = true;
      if (headerEnd < 0) r.status = 0;
      return r;
    }
    if (deadline.hasExpired()) return r;
    // Returns false on timeout or when the peer closed; the loop checks both.
    socket_->waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
  }
}

HttpResult HttpTestClient::raw(quint16 port, const QByteArray& bytes) {
  HttpTestClient c(port);
  c.send(bytes);
  return c.read();
}

HttpResult HttpTestClient::get(quint16 port, const QByteArray& target, const QByteArray& extraHeaders) {
  return raw(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n");
}

HttpResult HttpTestClient::post(quint16 port, const QByteArray& target, const QByteArray& body, const QByteArray& extraHeaders) {
  return raw(port, "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                       QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body);
}

}  // namespace foresight::test
