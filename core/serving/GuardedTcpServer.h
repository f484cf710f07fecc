// The listening socket: gives every accepted connection a ConnectionGuard
// before QtHttpServer sees it, and keeps the list of open connections so
// that a graceful shutdown can close the idle ones and wait for the rest.
#pragma once

#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include "serving/ConnectionGuard.h"
#include "serving/ServingLimits.h"
#include "serving/ServingMetrics.h"

namespace foresight::serving {

class GuardedTcpServer : public QTcpServer {
  Q_OBJECT

 public:
  GuardedTcpServer(const ServingLimits& limits, ServingMetrics& metrics, bool accessLog, QObject* parent = nullptr);

  // Connections still open.
  int openConnections() const;
  // Closes idle connections now and the others after their current reply.
  void closeConnectionsWhenIdle();

 Q_SIGNALS:
  // The last open connection went away (used while shutting down).
  void allConnectionsClosed();

 protected:
  void incomingConnection(qintptr descriptor) override;

 private:
  ServingLimits limits_;
  ServingMetrics& metrics_;
  bool accessLog_;
  QList<QPointer<QTcpSocket>> sockets_;
};

}  // namespace foresight::serving
