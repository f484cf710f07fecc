// Runs numbered tasks on worker threads. Each task writes only its own
// result slot, so results do not depend on the thread count or timing.
#pragma once

#include <cstddef>
#include <functional>

#include "engine/common/Cancellation.h"

namespace foresight {

class TaskPool {
 public:
  // Calls task(i) once for every i in [0, count) on up to `threads` threads
  // (0 = the machine's hardware threads; 1 = inline on the caller's thread).
  // The cancellation token is checked before every task: once set, no new
  // task starts and CancelledError is thrown after the running ones finish.
  // The first exception a task throws stops the pool and is rethrown.
  // onDone(doneCount) runs after each task, never concurrently with itself.
  static void run(std::size_t count, int threads, const std::function<void(std::size_t)>& task,
                  const CancellationToken* cancel = nullptr,
                  const std::function<void(std::size_t)>& onDone = {});

  // The number of threads run() would use for `threads` and `count`.
  static int threadCount(int threads, std::size_t count);
};

}  // namespace foresight
