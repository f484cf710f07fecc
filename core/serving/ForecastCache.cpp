#include "serving/ForecastCache.h"

namespace foresight::serving {

std::string ForecastCache::key(const std::string& model, int version, const std::string& sha256, int horizon,
                               const std::string& levels, const std::string& series, bool csv) {
  // '\x1f' cannot occur in a model name and separates fields unambiguously
  // even when a series name contains '|'.
  const char sep = '\x1f';
  return model + sep + std::to_string(version) + sep + sha256 + sep + std::to_string(horizon) + sep + levels + sep +
         series + sep + (csv ? "csv" : "json");
}

std::optional<QByteArray> ForecastCache::find(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void ForecastCache::insert(const std::string& key, QByteArray body) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (const auto it = index_.find(key); it != index_.end()) {
    order_.splice(order_.begin(), order_, it->second);
    return;
  }
  order_.emplace_front(key, std::move(body));
  index_.emplace(key, order_.begin());
  if (order_.size() > capacity_) {
    index_.erase(order_.back().first);
    order_.pop_back();
  }
}

std::size_t ForecastCache::size() const {
  std::lock_guard lock(mutex_);
  return order_.size();
}

}  // namespace foresight::serving
