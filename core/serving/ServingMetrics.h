// Request counters and latency histograms in Prometheus text format
// (https://prometheus.io/docs/instrumenting/exposition_formats/): requests by
// route and status, errors by code, latency per route, connections the
// guard closed. Thread-safe.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace foresight::serving {

class ServingMetrics {
 public:
  void observe(const std::string& route, int status, double seconds, const std::string& errorCode);
  // A connection closed without a routed request (timeout, too large, ...).
  void connectionClosed(const std::string& reason);
  long long requests(const std::string& route, int status) const;
  std::string render() const;

  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

 private:
  struct Histogram {
    std::array<long long, kBuckets.size()> counts{};
    long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, long long> requests_;
  std::map<std::string, long long> errors_;
  std::map<std::string, Histogram> latency_;
  std::map<std::string, long long> closed_;
};

}  // namespace foresight::serving
