#include "ServerThread.h"

#include <QEventLoop>

namespace foresight::test {

serving::ServingOptions testOptions(const registry::RegistryUri& uri) {
  serving::ServingOptions o;
  o.registry = uri;
  o.port = 0;
  o.reloadInterval = std::chrono::milliseconds(200);
  o.limits.maxHorizon = 500;
  o.limits.maxHistory = 100;
  o.limits.maxBodyBytes = 64 * 1024;
  o.limits.requestTimeout = std::chrono::milliseconds(1000);
  o.limits.idleTimeout = std::chrono::milliseconds(5000);
  o.shutdownGrace = std::chrono::milliseconds(5000);
  o.accessLog = false;
  return o;
}

serving::ServingOptions keyedTestOptions(const registry::RegistryUri& uri) {
  serving::ServingOptions o = testOptions(uri);
  o.apiKey = serving::ApiKey::fromValue(kTestApiKey, "test");
  return o;
}

ServerThread::ServerThread(serving::ServingOptions options) {
  options.port = 0;
  thread_.reset(QThread::create([this, options]() mutable {
    serving::ScoringServer server(std::move(options));
    try {
      port_ = server.start();
    } catch (const std::exception& e) {
      error_ = e.what();
      ready_.release();
      return;
    }
    QEventLoop loop;
    QObject::connect(&server, &serving::ScoringServer::stopped, &loop, &QEventLoop::quit);
    server_ = &server;
    ready_.release();
    loop.exec();
    server_ = nullptr;
  }));
  thread_->start();
  ready_.acquire();
}

ServerThread::~ServerThread() { stop(); }

void ServerThread::requestShutdown() {
  if (serving::ScoringServer* s = server_)
    QMetaObject::invokeMethod(s, [s] { s->shutdown(); }, Qt::QueuedConnection);
}

bool ServerThread::stop() {
  if (!thread_ || thread_->isFinished()) return true;
  requestShutdown();
  return thread_->wait(30000);
}

}  // namespace foresight::test
