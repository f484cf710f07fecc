#include "engine/eval/TaskPool.h"

#include <algorithm>  // std::min
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace foresight {

int TaskPool::threadCount(int threads, std::size_t count) {
  std::size_t n = threads > 0 ? static_cast<std::size_t>(threads)
                              : std::max(1u, std::thread::hardware_concurrency());
  n = std::min(n, std::max<std::size_t>(count, 1));
  return static_cast<int>(n);
}

void TaskPool::run(std::size_t count, int threads, const std::function<void(std::size_t)>& task,
                   const CancellationToken* cancel,
                   const std::function<void(std::size_t)>& onDone) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::size_t done = 0;
  std::mutex mutex;  // guards done, failure and onDone
  std::exception_ptr failure;

  auto worker = [&] {
    for (;;) {
      if (stop.load() || (cancel && cancel->isCancelled())) return;
      const std::size_t i = next.fetch_add(1);
      if (i >= count) return;
      try {
        task(i);
        const std::lock_guard lock(mutex);
        ++done;
        if (onDone) onDone(done);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop.store(true);
        return;
      }
    }
  };

  const int n = threadCount(threads, count);
  if (n <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(n));
    try {
      for (int t = 0; t < n; ++t) pool.emplace_back(worker);
    } catch (const std::system_error&) {
      // Could not start every thread: the started ones (or this one) do the work.
    }
    for (auto& th : pool) th.join();
    if (pool.empty()) worker();
  }
  if (failure) std::rethrow_exception(failure);
  if (cancel) cancel->throwIfCancelled();
}

}  // namespace foresight
