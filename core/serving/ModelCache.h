// The models the service serves, kept current: a QTimer starts a re-read of
// the registry's aliases on a worker thread (QtConcurrent), and the new
// snapshot is swapped in with one pointer store on the owner's thread.
// Requests hold the std::shared_ptr they started with, so they finish on the
// old model. When the registry cannot be read the last good snapshot keeps
// serving and health() says degraded, with the reason.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <list>
#include <memory>
#include <mutex>
#include <string>

#include "serving/ModelSnapshot.h"
#include "serving/RegistryReader.h"

namespace foresight::serving {

struct ServingHealth {
  bool degraded = false;
  std::string summary;         // why degraded, without names or addresses; empty when ok
  std::string reason;          // why degraded, in full (registry URI, database message)
  std::string lastReloadAt;    // last successful read (UTC)
  std::string lastAttemptAt;   // last read, successful or not
};

class ModelCache : public QObject {
  Q_OBJECT

 public:
  ModelCache(registry::RegistryUri uri, std::chrono::milliseconds interval, QObject* parent = nullptr);
  ~ModelCache() override;

  // The first read, on the calling thread; throws when the registry cannot be
  // read (a service that never had a model has nothing to fall back to).
  void loadInitial();
  // Starts re-reading every interval.
  void start();
  void stop();
  // Starts a re-read now unless one is running (the timer calls this).
  void reloadSoon();

  std::shared_ptr<const ModelSnapshot> snapshot() const;
  ServingHealth health() const;
  // A version by number: from the snapshot, else from a small cache of
  // versions read on demand. HttpError 404 (unknown) or 503 (registry down).
  std::shared_ptr<const LoadedModel> version(const std::string& name, int version);

  long long reloadsOk() const { return reloadsOk_; }
  long long reloadsFailed() const { return reloadsFailed_; }
  long long swaps() const { return swaps_; }
  const registry::RegistryUri& uri() const { return reader_.uri(); }

 Q_SIGNALS:
  // After every re-read; `ok` false when the registry could not be read.
  void reloaded(bool ok);

 private:
  struct Outcome {
    std::shared_ptr<const ModelSnapshot> snapshot;
    std::string error;
  };
  void onReadFinished();
  void install(std::shared_ptr<const ModelSnapshot> next);

  RegistryReader reader_;
  QTimer timer_;
  QFutureWatcher<Outcome> watcher_;
  mutable std::mutex mutex_;
  std::shared_ptr<const ModelSnapshot> snapshot_;
  ServingHealth health_;
  std::list<std::shared_ptr<const LoadedModel>> onDemand_;  // most recent first
  std::atomic<long long> reloadsOk_{0}, reloadsFailed_{0}, swaps_{0};
  // The last read failed: on-demand reads answer 503 at once instead of
  // holding the request thread on a database that is not there.
  std::atomic<bool> unreachable_{false};
};

}  // namespace foresight::serving
