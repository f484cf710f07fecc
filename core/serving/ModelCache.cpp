#include "serving/ModelCache.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

#include "engine/common/Errors.h"
#include "registry/RegistryErrors.h"
#include "serving/AccessLog.h"
#include "serving/HttpError.h"

namespace foresight::serving {

namespace {

constexpr std::size_t kOnDemandVersions = 16;

std::string nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString(); }

}  // namespace

ModelCache::ModelCache(registry::RegistryUri uri, std::chrono::milliseconds interval, QObject* parent)
    : QObject(parent), reader_(std::move(uri)) {
  timer_.setInterval(interval);
  connect(&timer_, &QTimer::timeout, this, &ModelCache::reloadSoon);
  connect(&watcher_, &QFutureWatcherBase::finished, this, &ModelCache::onReadFinished);
}

ModelCache::~ModelCache() {
  timer_.stop();
  watcher_.waitForFinished();
}

void ModelCache::loadInitial() {
  auto first = reader_.read(nullptr);
  health_.lastAttemptAt = nowUtc();
  health_.lastReloadAt = health_.lastAttemptAt;
  ++reloadsOk_;
  install(std::move(first));
}

void ModelCache::start() { timer_.start(); }
void ModelCache::stop() { timer_.stop(); }

void ModelCache::reloadSoon() {
  if (watcher_.isRunning()) return;
  const auto previous = snapshot();
  const RegistryReader reader = reader_;
  watcher_.setFuture(QtConcurrent::run([reader, previous]() -> Outcome {
    try {
      return {reader.read(previous), {}};
    } catch (const std::exception& e) {
      return {nullptr, e.what()};
    }
  }));
}

void ModelCache::onReadFinished() {
  Outcome outcome = watcher_.result();
  const std::string at = nowUtc();
  if (!outcome.snapshot) {
    ++reloadsFailed_;
    unreachable_ = true;
    {
      std::lock_guard lock(mutex_);
      const bool wasDegraded = health_.degraded;
      health_.lastAttemptAt = at;
      health_.degraded = true;
      health_.summary = "registry unreachable; serving the models read at " + health_.lastReloadAt;
      health_.reason = "registry unreachable: " + outcome.error + "; serving the models read at " + health_.lastReloadAt;
      if (!wasDegraded) AccessLog::note("registry read failed, serving the last good models: " + outcome.error);
    }
    Q_EMIT reloaded(false);
    return;
  }
  ++reloadsOk_;
  unreachable_ = false;
  {
    std::lock_guard lock(mutex_);
    health_.lastAttemptAt = at;
    health_.lastReloadAt = at;
  }
  install(std::move(outcome.snapshot));
  Q_EMIT reloaded(true);
}

void ModelCache::install(std::shared_ptr<const ModelSnapshot> next) {
  std::shared_ptr<const ModelSnapshot> old;
  {
    std::lock_guard lock(mutex_);
    old = snapshot_;
    snapshot_ = next;
    health_.degraded = !next->problems.empty();
    health_.summary = health_.degraded ? std::to_string(next->problems.size()) + " alias(es) could not be loaded" : "";
    health_.reason.clear();
    for (const auto& p : next->problems) health_.reason += (health_.reason.empty() ? "" : "; ") + p;
  }
  // Say what changed, so an operator sees a promotion reach the service.
  for (const auto& [name, served] : next->models)
    for (const auto& [alias, loaded] : served.byAlias) {
      const ServedModel* before = old ? old->find(name) : nullptr;
      int was = 0;
      if (before)
        if (const auto it = before->byAlias.find(alias); it != before->byAlias.end()) was = it->second->version();
      if (was == loaded->version()) continue;
      if (old) ++swaps_;
      AccessLog::note("serving " + name + "@" + alias + " = version " + std::to_string(loaded->version()) +
                      (was ? " (was " + std::to_string(was) + ")" : ""));
    }
}

std::shared_ptr<const ModelSnapshot> ModelCache::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

ServingHealth ModelCache::health() const {
  std::lock_guard lock(mutex_);
  return health_;
}

std::shared_ptr<const LoadedModel> ModelCache::version(const std::string& name, int version) {
  if (auto hit = snapshot()->loadedVersion(name, version)) return hit;
  {
    std::lock_guard lock(mutex_);
    for (auto it = onDemand_.begin(); it != onDemand_.end(); ++it)
      if ((*it)->name() == name && (*it)->version() == version) {
        onDemand_.splice(onDemand_.begin(), onDemand_, it);  // most recently used first
        return onDemand_.front();
      }
  }
  if (unreachable_)
    throw HttpError(503, "registry_unavailable", "version " + std::to_string(version) +
                                                     " is not loaded and the registry cannot be read now; see /v1/health");
  std::shared_ptr<const LoadedModel> loaded;
  try {
    loaded = reader_.readVersion(name, version);
  } catch (const registry::RegistryError& e) {
    throw HttpError(503, "registry_unavailable", std::string("version ") + std::to_string(version) +
                                                     " is not loaded and the registry cannot be read: " + e.what());
  } catch (const registry::RegistryIntegrityError& e) {
    // The details (registry, hashes) go to the log; the client learns only
    // that this version is not served.
    AccessLog::note(std::string("refused to serve a damaged artifact: ") + e.what());
    throw HttpError(500, "integrity_error", "model '" + name + "' version " + std::to_string(version) +
                                                " fails its SHA-256 check in the registry and is not served");
  } catch (const InputError& e) {
    // The registry's message names its location: the log gets it, the client
    // only the model and the version.
    AccessLog::note(std::string("version not served: ") + e.what());
    throw HttpError::notFound("unknown_version", "model '" + name + "' has no version " + std::to_string(version) +
                                                     " that can be served (details in the service log)");
  }
  std::lock_guard lock(mutex_);
  onDemand_.push_front(loaded);
  if (onDemand_.size() > kOnDemandVersions) onDemand_.pop_back();
  return loaded;
}

}  // namespace foresight::serving
