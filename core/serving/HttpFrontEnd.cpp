#include "serving/HttpFrontEnd.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QTcpSocket>

#include "serving/AccessLog.h"
#include "serving/ConnectionGuard.h"

namespace foresight::serving {

namespace {

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
  // The framer's record of this request: the method as sent, the version and
  // keep-alive. Without one the parser and the framer disagree: close.
  const std::optional<HttpRequestFramer::Request> framed = guard ? guard->takeRequest() : std::nullopt;
  if (!framed) {
    socket->disconnectFromHost();
    return true;
  }
  QElapsedTimer clock;
  clock.start();

  const QUrl url = request.url();
  HttpRequestData data;
  // HEAD is GET without the body (RFC 9110 section 9.3.2): same status,
  // headers and Content-Length.
  const bool head = framed->method == "HEAD";
  data.method = head ? QByteArray("GET") : framed->method;
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
  const bool close = upgrade || closing_ || guard->closing() || !framed->keepAlive;
  if (socket->state() == QAbstractSocket::ConnectedState) {
    socket->write(reply.wire(close, head ? HttpReply::Body::Omit : HttpReply::Body::Send));
    // Hand the reply to the kernel now rather than on the next event-loop
    // pass: one poll round less per request under load.
    socket->flush();
  }

  const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
  metrics_.observe(route, reply.status, seconds, reply.errorCode);
  if (accessLog_) {
    const QByteArray target = data.query.isEmpty() ? data.path : data.path + '?' + data.query;
    AccessLog::write(AccessLog::requestLine(framed->method, target, reply.status, reply.body.size(), seconds * 1000));
  }
  if (close) socket->disconnectFromHost();
  return true;
}

void HttpFrontEnd::missingHandler(const QHttpServerRequest&, QTcpSocket* socket) {
  // Reached only after handleRequest refused a protocol upgrade (QtHttpServer
  // calls it when no WebSocket server takes the connection): already answered.
  socket->disconnectFromHost();
}

}  // namespace foresight::serving
