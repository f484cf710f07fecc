// The REST API of ARCHITECTURE.md §5 as a function from request to reply:
// routing, the API key, parameter validation, model selection, the forecast
// cache and JSON errors. No sockets here (HttpFrontEnd does the wire), so
// every route is testable directly; handle() never throws.
#pragma once

#include <QByteArray>
#include <memory>
#include <optional>
#include <string>

#include "serving/ApiKey.h"
#include "serving/ForecastCache.h"
#include "serving/ForecastQuery.h"
#include "serving/HttpReply.h"
#include "serving/ModelCache.h"
#include "serving/RequestPath.h"
#include "serving/ServingLimits.h"
#include "serving/ServingMetrics.h"

namespace foresight::serving {

struct HttpRequestData {
  QByteArray method;  // "GET", "POST", ...
  QByteArray path;    // as sent, percent-encoded
  QByteArray query;   // as sent, without '?'
  std::optional<QByteArray> apiKeyHeader;  // X-API-Key
  QByteArray body;
};

class ScoringService {
 public:
  ScoringService(ModelCache& models, ApiKey key, ServingLimits limits, ServingMetrics& metrics);

  // The reply, and in `route` the route's label for metrics and logs
  // ("/v1/models/{name}/forecast", "unmatched", ...).
  HttpReply handle(const HttpRequestData& request, std::string& route);

  const ServingLimits& limits() const { return limits_; }
  ForecastCache& forecastCache() { return forecasts_; }

 private:
  HttpReply dispatch(const HttpRequestData& request, std::string& route);
  void requireKey(const HttpRequestData& request, const QueryString& query) const;
  // `detailed`: the caller showed the key (or none is configured), so the
  // full reason (registry address, database message) may be shown.
  HttpReply health(bool detailed) const;
  HttpReply listModels() const;
  HttpReply modelDetails(const std::string& name) const;
  HttpReply metricsText() const;
  HttpReply forecastGet(const std::string& name, const QueryString& query);
  HttpReply forecastPost(const std::string& name, const QueryString& query, const QByteArray& body);
  // The version the query asks for (alias, number, or the champion).
  std::shared_ptr<const LoadedModel> select(const std::string& name, const ForecastQuery& q);

  ModelCache& models_;
  ApiKey key_;
  ServingLimits limits_;
  ServingMetrics& metrics_;
  ForecastCache forecasts_;
  std::string startedAt_;
};

}  // namespace foresight::serving
