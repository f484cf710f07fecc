// Notices changes to the registry made anywhere, including other processes
// (the CLI, a CI job, another workbench): every few seconds it asks the
// registry for its last change (one cheap query, off the GUI thread) and,
// when that moved, tells the session (WorkbenchSession::registryChanged),
// which every page that shows registry content follows.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <optional>

namespace foresight::ui {

class WorkbenchSession;

class RegistryWatcher : public QObject {
  Q_OBJECT
 public:
  static constexpr int kDefaultIntervalMs = 5000;

  // Checks every kDefaultIntervalMs (the first check at the first tick or
  // checkNow()); `session` must outlive it.
  explicit RegistryWatcher(WorkbenchSession& session, QObject* parent = nullptr);
  // Waits for a check still running: it reads a registry URI it was given by value.
  ~RegistryWatcher() override;

  void setInterval(int ms) { timer_.setInterval(ms); }
  int interval() const { return timer_.interval(); }
  // Checks now (unless a check is running); checked() when it has ended.
  void checkNow();
  bool isChecking() const { return watcher_.isRunning(); }
  // The last change seen; nullopt before the first successful check.
  std::optional<long long> lastSeen() const { return seen_; }

 Q_SIGNALS:
  // A check ended; `changed` when it noticed a change and notified the session.
  void checked(bool changed);

 private:
  void onChecked();

  WorkbenchSession& session_;
  QTimer timer_;
  QFutureWatcher<long long> watcher_;
  QString checkingUri_;
  std::optional<long long> seen_;
  // Set when the session announced a change itself: the next check only
  // learns the new value, so a change is not announced twice.
  bool announced_ = false;
};

}  // namespace foresight::ui
