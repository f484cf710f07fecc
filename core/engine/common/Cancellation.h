// Progress reporting and cooperative cancellation for long engine work.
// The GUI wires these to QPromise; the CLI to a stderr progress bar.
#pragma once

#include <atomic>
#include <functional>
#include <string_view>

#include "engine/common/Errors.h"

namespace foresight {

// Shared flag a caller sets to ask running work to stop at the next check.
class CancellationToken {
 public:
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  bool isCancelled() const { return cancelled_.load(std::memory_order_relaxed); }
  // Throws CancelledError when cancellation was requested.
  void throwIfCancelled() const {
    if (isCancelled()) throw CancelledError();
  }

 private:
  std::atomic<bool> cancelled_{false};
};

// Receives a fraction in [0, 1] and a short label of the current step.
using ProgressSink = std::function<void(double fraction, std::string_view step)>;

}  // namespace foresight
