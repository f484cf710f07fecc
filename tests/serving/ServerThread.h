// Runs a ScoringServer on its own thread with its own event loop, so a test
// can talk to it with blocking sockets; stop() shuts it down gracefully.
#pragma once

#include <QSemaphore>
#include <QThread>
#include <atomic>
#include <memory>
#include <string>

#include "serving/ScoringServer.h"

namespace foresight::test {

class ServerThread {
 public:
  // Starts the server on 127.0.0.1 and an ephemeral port (options.port is
  // ignored); QFAIL-style: error() tells why when it did not start.
  explicit ServerThread(serving::ServingOptions options);
  ~ServerThread();

  quint16 port() const { return port_; }
  const std::string& error() const { return error_; }
  // Valid while running; ModelCache/metrics reads are thread-safe.
  serving::ScoringServer& server() { return *server_; }
  // Asks for a graceful shutdown (as SIGTERM would) without waiting.
  void requestShutdown();
  // requestShutdown() and waits for the thread to end; false if it did not.
  bool stop();

 private:
  std::unique_ptr<QThread> thread_;
  QSemaphore ready_;
  std::atomic<serving::ScoringServer*> server_{nullptr};
  quint16 port_ = 0;
  std::string error_;
};

// Default options for tests: the fixture's registry, fast reloads, short
// timeouts (the slowloris cases wait for them).
serving::ServingOptions testOptions(const registry::RegistryUri& uri);
// testOptions with kTestApiKey required, and the header that presents it.
inline constexpr char kTestApiKey[] = "k3y-0123456789abcdef";
inline constexpr char kTestApiKeyHeader[] = "X-API-Key: k3y-0123456789abcdef\r\n";
serving::ServingOptions keyedTestOptions(const registry::RegistryUri& uri);

}  // namespace foresight::test
