// Rendered forecast bodies, keyed by (model, version, artifact hash,
// horizon, levels, series, format): a version never changes, so an entry
// never goes stale, and a promotion simply makes requests use new keys.
// Least recently used entries go first. Thread-safe.
#pragma once

#include <QByteArray>
#include <atomic>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace foresight::serving {

class ForecastCache {
 public:
  explicit ForecastCache(std::size_t capacity) : capacity_(capacity) {}

  static std::string key(const std::string& model, int version, const std::string& sha256, int horizon,
                         const std::string& levels, const std::string& series, bool csv);

  std::optional<QByteArray> find(const std::string& key);
  void insert(const std::string& key, QByteArray body);

  long long hits() const { return hits_; }
  long long misses() const { return misses_; }
  std::size_t size() const;

 private:
  using Entry = std::pair<std::string, QByteArray>;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::atomic<long long> hits_{0}, misses_{0};
};

}  // namespace foresight::serving
