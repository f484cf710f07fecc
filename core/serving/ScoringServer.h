// The whole scoring service in one object: models kept current from the
// registry, the REST routes, the guarded listening socket and graceful
// shutdown. `foresight serve` and the tests create one and run an event loop.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <memory>

#include "registry/RegistryUri.h"
#include "serving/ApiKey.h"
#include "serving/HttpFrontEnd.h"
#include "serving/ModelCache.h"
#include "serving/ScoringService.h"
#include "serving/ServingLimits.h"
#include "serving/ServingMetrics.h"

namespace foresight::serving {

class GuardedTcpServer;

struct ServingOptions {
  registry::RegistryUri registry;
  QString host = QStringLiteral("127.0.0.1");
  quint16 port = 8080;  // 0: any free port
  ApiKey apiKey;
  ServingLimits limits;
  std::chrono::milliseconds reloadInterval{10000};
  std::chrono::milliseconds shutdownGrace{10000};  // longest wait for requests in flight
  bool accessLog = true;
};

class ScoringServer : public QObject {
  Q_OBJECT

 public:
  explicit ScoringServer(ServingOptions options, QObject* parent = nullptr);
  ~ScoringServer() override;

  // Reads the registry (throws when it cannot: nothing to serve yet), starts
  // the reload timer and listens. Returns the port. UsageError when the
  // address cannot be bound.
  quint16 start();
  // Stops accepting, closes idle connections, lets requests in flight finish
  // (at most shutdownGrace), then emits stopped().
  void shutdown();

  ModelCache& models() { return models_; }
  ScoringService& service() { return service_; }
  ServingMetrics& metrics() { return metrics_; }
  quint16 port() const { return port_; }

 Q_SIGNALS:
  void stopped();

 private:
  void finishShutdown();

  ServingOptions options_;
  ServingMetrics metrics_;
  ModelCache models_;
  ScoringService service_;
  HttpFrontEnd frontEnd_;
  GuardedTcpServer* tcp_ = nullptr;  // owned by frontEnd_ once bound
  QTimer graceTimer_;
  quint16 port_ = 0;
  bool stopping_ = false;
  bool stopped_ = false;
};

}  // namespace foresight::serving
