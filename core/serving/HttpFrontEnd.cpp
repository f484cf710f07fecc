#include "serving/HttpFrontEnd.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QMetaEnum>
#include <QTcpSocket>

#include "serving/AccessLog.h"
#include "serving/ConnectionGuard.h"

namespace foresight::serving {

namespace {

QByteArray methodName(QHttpServerRequest::Method m) {
  switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
  }
}

// HTTP header names are case-insensitive; QHttpServerRequest::value() is
// not guaranteed to be, so look through the list.
std::optional<QByteArray> header(const QHttpServerRequest& request, const QByteArray& lowerName) {
  for (const auto& [name, value] : request.headers())
    if (name.toLower() == lowerName) return value;
  return std::nullopt;
}

}  // namespace

HttpFrontEnd::HttpFrontEnd(ScoringService& service, ServingMetrics& metrics, bool accessLog, QObject* parent)
    : QAbstractHttpServer(parent), service_(service), metrics_(metrics), accessLog_(accessLog) {}

bool HttpFrontEnd::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
  auto* guard = socket->findChild<ConnectionGuard*>(QString(), Qt::FindDirectChildrenOnly);
  if (guard && guard->rejected()) return true;  // already answered and closing
  QElapsedTimer clock;
  clock.start();

  const QUrl url = request.url();
  HttpRequestData data;
  data.method = methodName(request.method());
  data.path = url.path(QUrl::FullyEncoded).toUtf8();
  data.query = url.query(QUrl::FullyEncoded).toUtf8();
  data.apiKeyHeader = header(request, "x-api-key");
  data.body = request.body();

  const std::optional<QByteArray> connection = header(request, "connection");
  const bool upgrade = connection && connection->toLower().contains("upgrade");
  std::string route = "unmatched";
  // QtHttpServer hands upgrade requests over to WebSockets, which this
  // service does not speak: refuse them here and close (missingHandler).
  const HttpReply reply = upgrade ? HttpReply::error(400, "upgrade_not_supported",
                                                     "this service speaks plain HTTP/1.1; protocol upgrades are refused")
                                  : service_.handle(data, route);
  const bool close = upgrade || closing_ || (guard && guard->closing()) ||
                     (connection && connection->toLower().contains("close"));
  if (socket->state() == QAbstractSocket::ConnectedState) {
    socket->write(reply.wire(close));
    // Hand the reply to the kernel now rather than on the next event-loop
    // pass: one poll round less per request under load.
    socket->flush();
  }

  const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
  metrics_.observe(route, reply.status, seconds, reply.errorCode);
  if (accessLog_) {
    const QByteArray target = data.query.isEmpty() ? data.path : data.path + '?' + data.query;
    AccessLog::write(AccessLog::requestLine(data.method, target, reply.status, reply.body.size(), seconds * 1000));
  }
  if (close) socket->disconnectFromHost();
  else if (guard) guard->requestCompleted();
  return true;
}

void HttpFrontEnd::missingHandler(const QHttpServerRequest&, QTcpSocket* socket) {
  // Reached only after handleRequest refused a protocol upgrade (QtHttpServer
  // calls it when no WebSocket server takes the connection): already answered.
  socket->disconnectFromHost();
}

}  // namespace foresight::serving
