#include "ui/registry/RegistryWatcher.h"

#include <QtConcurrent/QtConcurrentRun>

#include "registry/ModelRegistry.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

namespace {

// -1: the registry could not be read. The pages report that on their own
// reads; the watcher only looks for changes.
long long lastChangeOf(const std::string& uri) {
  try {
    return registry::ModelRegistry(registry::RegistryUri::parse(uri)).lastChange();
  } catch (const std::exception&) {
    return -1;
  }
}

}  // namespace

RegistryWatcher::RegistryWatcher(WorkbenchSession& session, QObject* parent) : QObject(parent), session_(session) {
  // Not a JobRunner job: a check every few seconds is no work the user
  // started, and it must not flash through the status bar.
  connect(&watcher_, &QFutureWatcher<long long>::finished, this, &RegistryWatcher::onChecked);
  connect(&timer_, &QTimer::timeout, this, &RegistryWatcher::checkNow);
  connect(&session_, &WorkbenchSession::registryUriChanged, this, [this] {
    seen_.reset();
    checkNow();
  });
  connect(&session_, &WorkbenchSession::registryChanged, this, [this] { announced_ = true; });
  // The first check comes with the first tick (or checkNow()): the owner
  // may still be choosing the registry (--registry) when it makes the watcher.
  timer_.setInterval(kDefaultIntervalMs);
  timer_.start();
}

RegistryWatcher::~RegistryWatcher() { watcher_.waitForFinished(); }

void RegistryWatcher::checkNow() {
  if (watcher_.isRunning() || session_.registryUri().isEmpty()) return;
  checkingUri_ = session_.registryUri();
  watcher_.setFuture(QtConcurrent::run(lastChangeOf, checkingUri_.toStdString()));
}

void RegistryWatcher::onChecked() {
  const long long now = watcher_.result();
  bool changed = false;
  // A result for a URI no longer in use, or a failed read, teaches nothing.
  if (checkingUri_ == session_.registryUri() && now >= 0) {
    changed = seen_ && *seen_ != now && !announced_;
    seen_ = now;
    if (changed) session_.notifyRegistryChanged();
    announced_ = false;  // after notifying: the notification itself sets it
  }
  Q_EMIT checked(changed);
}

}  // namespace foresight::ui
