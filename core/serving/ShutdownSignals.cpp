#include "serving/ShutdownSignals.h"

#include <fcntl.h>
#include <unistd.h>

namespace foresight::serving {

namespace {

int pipeFds[2] = {-1, -1};

extern "C" void onSignal(int signalNumber) {
  const unsigned char byte = static_cast<unsigned char>(signalNumber);
  [[maybe_unused]] const auto n = ::write(pipeFds[1], &byte, 1);
}

}  // namespace

ShutdownSignals::ShutdownSignals(QObject* parent) : QObject(parent) {
  if (pipeFds[0] < 0 && ::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0) return;
  notifier_ = std::make_unique<QSocketNotifier>(pipeFds[0], QSocketNotifier::Read);
  connect(notifier_.get(), &QSocketNotifier::activated, this, &ShutdownSignals::onReadable);
  struct sigaction action {};
  action.sa_handler = onSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGTERM, &action, &previousTerm_);
  sigaction(SIGINT, &action, &previousInt_);
  installed_ = true;
}

ShutdownSignals::~ShutdownSignals() {
  if (!installed_) return;
  sigaction(SIGTERM, &previousTerm_, nullptr);
  sigaction(SIGINT, &previousInt_, nullptr);
}

void ShutdownSignals::onReadable() {
  unsigned char byte = 0;
  while (::read(pipeFds[0], &byte, 1) == 1) Q_EMIT received(byte);
}

}  // namespace foresight::serving
