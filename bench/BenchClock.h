// Process and thread clocks for the benchmarks: wall time, CPU time (user +
// system, not inflated when other processes share the machine) and peak RSS.
#pragma once

#include <sys/resource.h>  // getrusage
#include <time.h>          // clock_gettime

#include <chrono>

namespace foresight::bench {

inline double secondsOf(timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; }

// Wall seconds since an arbitrary start.
inline double wallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// CPU seconds of the calling thread, with nanosecond resolution: per-fit
// timings are single fits of a few milliseconds.
inline double threadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// User + system CPU seconds of this process (who = RUSAGE_SELF) or of its
// waited-for children (RUSAGE_CHILDREN, e.g. the R subprocess).
inline double processCpuSeconds(int who = RUSAGE_SELF) {
  rusage usage{};
  getrusage(who, &usage);
  return secondsOf(usage.ru_utime) + secondsOf(usage.ru_stime);
}

// Peak resident set size in MiB (Linux reports KiB).
inline double peakRssMiB(int who = RUSAGE_SELF) {
  rusage usage{};
  getrusage(who, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace foresight::bench
