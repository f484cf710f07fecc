// SIGTERM and SIGINT delivered as a Qt signal on the event loop (through a
// self-pipe: a signal handler may only write(2)), so shutdown runs as normal
// code between requests instead of interrupting one.
#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <csignal>
#include <memory>

namespace foresight::serving {

class ShutdownSignals : public QObject {
  Q_OBJECT

 public:
  // Installs the handlers (one instance per process); the destructor puts
  // back the ones that were there before.
  explicit ShutdownSignals(QObject* parent = nullptr);
  ~ShutdownSignals() override;

 Q_SIGNALS:
  void received(int signalNumber);

 private:
  void onReadable();
  std::unique_ptr<QSocketNotifier> notifier_;
  struct sigaction previousTerm_ {}, previousInt_ {};
  bool installed_ = false;
};

}  // namespace foresight::serving
