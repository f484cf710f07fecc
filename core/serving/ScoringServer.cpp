#include "serving/ScoringServer.h"

#include <QHostAddress>

#include "engine/common/Errors.h"
#include "serving/AccessLog.h"
#include "serving/GuardedTcpServer.h"

namespace foresight::serving {

ScoringServer::ScoringServer(ServingOptions options, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      models_(options_.registry, options_.reloadInterval),
      service_(models_, options_.apiKey, options_.limits, metrics_),
      frontEnd_(service_, metrics_, options_.accessLog) {
  graceTimer_.setSingleShot(true);
  connect(&graceTimer_, &QTimer::timeout, this, &ScoringServer::finishShutdown);
}

ScoringServer::~ScoringServer() = default;

quint16 ScoringServer::start() {
  models_.loadInitial();
  QHostAddress address;
  if (!address.setAddress(options_.host))
    throw UsageError("--host: " + quoteForMessage(options_.host.toStdString()) + " is not an IP address (e.g. 127.0.0.1)");
  tcp_ = new GuardedTcpServer(options_.limits, metrics_, options_.accessLog);
  if (!tcp_->listen(address, options_.port)) {
    const std::string why = tcp_->errorString().toStdString();
    delete tcp_;
    tcp_ = nullptr;
    throw UsageError("cannot listen on " + options_.host.toStdString() + ":" + std::to_string(options_.port) + ": " + why);
  }
  port_ = tcp_->serverPort();
  frontEnd_.bind(tcp_);
  models_.start();
  AccessLog::note("listening on http://" + options_.host.toStdString() + ":" + std::to_string(port_) + " (registry " +
                  options_.registry.redacted() + ", API key " + (options_.apiKey.configured() ? "required" : "not configured") + ")");
  return port_;
}

void ScoringServer::shutdown() {
  if (stopping_) return;
  stopping_ = true;
  AccessLog::note("shutting down: no new connections; finishing requests in flight");
  models_.stop();
  frontEnd_.setClosing();
  if (!tcp_) {
    finishShutdown();
    return;
  }
  tcp_->close();  // stop accepting
  connect(tcp_, &GuardedTcpServer::allConnectionsClosed, this, &ScoringServer::finishShutdown);
  tcp_->closeConnectionsWhenIdle();
  if (tcp_->openConnections() == 0) {
    finishShutdown();
    return;
  }
  graceTimer_.start(options_.shutdownGrace);
}

void ScoringServer::finishShutdown() {
  if (stopped_) return;
  stopped_ = true;
  graceTimer_.stop();
  const int left = tcp_ ? tcp_->openConnections() : 0;
  if (left > 0) AccessLog::note("grace period over; dropping " + std::to_string(left) + " connection(s)");
  AccessLog::note("stopped");
  Q_EMIT stopped();
}

}  // namespace foresight::serving
