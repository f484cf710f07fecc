#include "serving/ServingMetrics.h"

#include <sstream>

#include "engine/models/ForecastTable.h"  // formatNumber

namespace foresight::serving {

void ServingMetrics::observe(const std::string& route, int status, double seconds, const std::string& errorCode) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  if (!errorCode.empty()) ++errors_[errorCode];
  Histogram& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.counts[i];
  ++h.count;
  h.sum += seconds;
}

void ServingMetrics::connectionClosed(const std::string& reason) {
  std::lock_guard lock(mutex_);
  ++closed_[reason];
}

long long ServingMetrics::requests(const std::string& route, int status) const {
  std::lock_guard lock(mutex_);
  const auto it = requests_.find({route, status});
  return it == requests_.end() ? 0 : it->second;
}

std::string ServingMetrics::render() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP foresight_http_requests_total HTTP requests answered, by route and status.\n"
      << "# TYPE foresight_http_requests_total counter\n";
  for (const auto& [k, n] : requests_)
    out << "foresight_http_requests_total{route=\"" << k.first << "\",status=\"" << k.second << "\"} " << n << "\n";
  out << "# HELP foresight_http_errors_total Error replies, by error code.\n"
      << "# TYPE foresight_http_errors_total counter\n";
  for (const auto& [code, n] : errors_) out << "foresight_http_errors_total{code=\"" << code << "\"} " << n << "\n";
  out << "# HELP foresight_http_request_duration_seconds Time from a complete request to its reply being queued.\n"
      << "# TYPE foresight_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out << "foresight_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
          << ForecastTable::formatNumber(kBuckets[i]) << "\"} " << h.counts[i] << "\n";
    out << "foresight_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << h.count << "\n"
        << "foresight_http_request_duration_seconds_sum{route=\"" << route << "\"} " << ForecastTable::formatNumber(h.sum) << "\n"
        << "foresight_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count << "\n";
  }
  out << "# HELP foresight_http_connections_closed_total Connections closed before a complete request.\n"
      << "# TYPE foresight_http_connections_closed_total counter\n";
  for (const auto& [reason, n] : closed_)
    out << "foresight_http_connections_closed_total{reason=\"" << reason << "\"} " << n << "\n";
  return out.str();
}

}  // namespace foresight::serving
