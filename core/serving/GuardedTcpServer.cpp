#include "serving/GuardedTcpServer.h"

#include "serving/AccessLog.h"
#include "serving/HttpReply.h"

namespace foresight::serving {

GuardedTcpServer::GuardedTcpServer(const ServingLimits& limits, ServingMetrics& metrics, bool accessLog, QObject* parent)
    : QTcpServer(parent), limits_(limits), metrics_(metrics), accessLog_(accessLog) {}

void GuardedTcpServer::incomingConnection(qintptr descriptor) {
  auto* socket = new QTcpSocket(this);
  if (!socket->setSocketDescriptor(descriptor)) {
    delete socket;
    return;
  }
  sockets_.removeAll(nullptr);
  if (openConnections() >= limits_.maxConnections) {
    // Every connection holds a descriptor and buffers: past the limit a
    // client is told so and let go instead of starving the others.
    metrics_.connectionClosed("too_many_connections");
    socket->write(HttpReply::error(503, "too_many_connections",
                                   "the service has " + std::to_string(limits_.maxConnections) +
                                       " connections open; retry later").wire(true));
    socket->disconnectFromHost();
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    return;
  }
  ServingMetrics* metrics = &metrics_;
  const bool log = accessLog_;
  // The guard connects to readyRead before addPendingConnection lets the
  // HTTP parser connect, so it sees every chunk first.
  new ConnectionGuard(socket, limits_, [metrics, log](int status, const std::string& reason) {
    metrics->connectionClosed(reason);
    if (log && status != 0)
      AccessLog::write(AccessLog::requestLine("-", "-", status, 0, 0));
  });
  sockets_.append(socket);
  connect(socket, &QObject::destroyed, this, [this] {
    if (openConnections() == 0) Q_EMIT allConnectionsClosed();
  });
  addPendingConnection(socket);
}

int GuardedTcpServer::openConnections() const {
  int n = 0;
  for (const auto& s : sockets_)
    if (s) ++n;
  return n;
}

void GuardedTcpServer::closeConnectionsWhenIdle() {
  for (const auto& s : sockets_)
    if (s)
      if (auto* guard = s->findChild<ConnectionGuard*>(QString(), Qt::FindDirectChildrenOnly)) guard->closeWhenIdle();
}

}  // namespace foresight::serving
