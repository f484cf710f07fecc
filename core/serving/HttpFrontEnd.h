// The wire side: QtHttpServer parses each request; this turns it into an
// HttpRequestData for ScoringService, writes the reply in one write, logs
// the access line and counts it. Requests are handled one at a time on the
// thread the front end lives on.
#pragma once

#include <QAbstractHttpServer>
#include <atomic>

#include "serving/ScoringService.h"
#include "serving/ServingMetrics.h"

namespace foresight::serving {

class HttpFrontEnd : public QAbstractHttpServer {
  Q_OBJECT

 public:
  HttpFrontEnd(ScoringService& service, ServingMetrics& metrics, bool accessLog, QObject* parent = nullptr);
  // Replies from now on carry "Connection: close" (graceful shutdown).
  void setClosing() { closing_ = true; }

 protected:
  bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
  void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

 private:
  ScoringService& service_;
  ServingMetrics& metrics_;
  bool accessLog_;
  bool closing_ = false;
};

}  // namespace foresight::serving
