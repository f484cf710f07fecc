#include "serving/ScoringService.h"

#include <QDateTime>

#include "engine/common/Errors.h"
#include "engine/common/SafeName.h"
#include "engine/common/Version.h"
#include "registry/RegistryJson.h"
#include "registry/RegistryNames.h"
#include "serving/AccessLog.h"
#include "serving/HttpError.h"
#include "serving/OpenApiDocument.h"

namespace foresight::serving {

namespace {

void requireMethod(const HttpRequestData& r, std::initializer_list<const char*> allowed) {
  for (const char* m : allowed)
    if (r.method == m) return;
  std::string list;
  for (const char* m : allowed) list += (list.empty() ? "" : ", ") + std::string(m);
  throw HttpError(405, "method_not_allowed", "method " + r.method.toStdString() + " is not allowed here; use " + list);
}

void requireModelName(const std::string& name) {
  if (!registry::isValidName(name))
    throw HttpError::badRequest("bad_model_name", "model name " + quoteForMessage(name) +
                                                      " is not valid: use " + std::string(kSafeNameRule));
}

}  // namespace

ScoringService::ScoringService(ModelCache& models, ApiKey key, ServingLimits limits, ServingMetrics& metrics)
    : models_(models),
      key_(std::move(key)),
      limits_(limits),
      metrics_(metrics),
      forecasts_(limits.forecastCacheEntries),
      startedAt_(QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()) {}

HttpReply ScoringService::handle(const HttpRequestData& request, std::string& route) {
  route = "unmatched";
  try {
    return dispatch(request, route);
  } catch (const HttpError& e) {
    return HttpReply::fromError(e);
  } catch (const std::exception& e) {
    // An engine failure (e.g. a non-finite forecast) is ours, not the client's.
    AccessLog::note(std::string("internal error on ") + request.path.toStdString() + ": " + e.what());
    return HttpReply::error(500, "internal", "the forecast could not be computed; the service log has the details");
  }
}

void ScoringService::requireKey(const HttpRequestData& request, const QueryString& query) const {
  if (!key_.configured()) return;
  std::optional<std::string> presented;
  if (request.apiKeyHeader) presented = request.apiKeyHeader->toStdString();
  else presented = query.get("api_key");
  if (!presented) throw HttpError(401, "missing_api_key", "an API key is required: header X-API-Key or query parameter api_key");
  if (!key_.matches(*presented)) throw HttpError(401, "invalid_api_key", "the API key is not valid");
}

HttpReply ScoringService::dispatch(const HttpRequestData& request, std::string& route) {
  const RequestPath path = RequestPath::parse(request.path);
  const QueryString query = QueryString::parse(request.query);
  if (path.is({"v1", "health"})) {
    route = "/v1/health";
    requireMethod(request, {"GET"});
    bool detailed = true;
    try {
      requireKey(request, query);
    } catch (const HttpError&) {
      detailed = false;  // health never needs the key; it only hides details without one
    }
    return health(detailed);
  }
  requireKey(request, query);
  if (path.is({"openapi.json"})) {
    route = "/openapi.json";
    requireMethod(request, {"GET"});
    HttpReply r;
    r.body = OpenApiDocument::bytes();
    return r;
  }
  if (path.is({"metrics"})) {
    route = "/metrics";
    requireMethod(request, {"GET"});
    return metricsText();
  }
  if (path.size() >= 2 && path[0] == "v1" && path[1] == "models") {
    if (path.size() == 2) {
      route = "/v1/models";
      requireMethod(request, {"GET"});
      query.requireOnly({"api_key"});
      return listModels();
    }
    requireModelName(path[2]);
    if (path.size() == 3) {
      route = "/v1/models/{name}";
      requireMethod(request, {"GET"});
      query.requireOnly({"api_key"});
      return modelDetails(path[2]);
    }
    if (path.size() == 4 && path[3] == "forecast") {
      route = "/v1/models/{name}/forecast";
      requireMethod(request, {"GET", "POST"});
      return request.method == "GET" ? forecastGet(path[2], query) : forecastPost(path[2], query, request.body);
    }
  }
  throw HttpError::notFound("not_found", "no such route; see /openapi.json");
}

HttpReply ScoringService::health(bool detailed) const {
  const ServingHealth h = models_.health();
  const auto snap = models_.snapshot();
  nlohmann::json j = {{"status", h.degraded ? "degraded" : "ok"},
                      {"models", snap ? snap->models.size() : 0},
                      {"last_reload", h.lastReloadAt},
                      {"last_attempt", h.lastAttemptAt},
                      {"started", startedAt_},
                      {"version", kToolVersion}};
  if (h.degraded) j["reason"] = detailed ? h.reason : h.summary;
  return HttpReply::json(200, j);
}

HttpReply ScoringService::listModels() const {
  const auto snap = models_.snapshot();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [name, served] : snap->models) {
    nlohmann::json m = registry::toJson(served.details.model);
    nlohmann::json loaded = nlohmann::json::object();
    for (const auto& [alias, model] : served.byAlias) loaded[alias] = model->version();
    m["served"] = loaded;
    list.push_back(std::move(m));
  }
  return HttpReply::json(200, {{"models", list}});
}

HttpReply ScoringService::modelDetails(const std::string& name) const {
  const auto snap = models_.snapshot();
  const ServedModel* served = snap->find(name);
  if (!served) throw HttpError::notFound("unknown_model", "model '" + name + "' is not registered");
  nlohmann::json j = registry::toJson(served->details);
  nlohmann::json loaded = nlohmann::json::object();
  for (const auto& [alias, model] : served->byAlias) loaded[alias] = model->version();
  j["served"] = loaded;
  return HttpReply::json(200, j);
}

HttpReply ScoringService::metricsText() const {
  std::string text = metrics_.render();
  text += "# HELP foresight_served_model_version Version each alias serves.\n# TYPE foresight_served_model_version gauge\n";
  const auto snap = models_.snapshot();
  for (const auto& [name, served] : snap->models)
    for (const auto& [alias, model] : served.byAlias)
      text += "foresight_served_model_version{model=\"" + name + "\",alias=\"" + alias + "\"} " +
              std::to_string(model->version()) + "\n";
  text += "# HELP foresight_model_reloads_total Registry re-reads, by result.\n# TYPE foresight_model_reloads_total counter\n";
  text += "foresight_model_reloads_total{result=\"ok\"} " + std::to_string(models_.reloadsOk()) + "\n";
  text += "foresight_model_reloads_total{result=\"failed\"} " + std::to_string(models_.reloadsFailed()) + "\n";
  text += "# HELP foresight_model_swaps_total Alias targets swapped in by a reload.\n# TYPE foresight_model_swaps_total counter\n";
  text += "foresight_model_swaps_total " + std::to_string(models_.swaps()) + "\n";
  text += "# HELP foresight_degraded 1 while the registry cannot be read or an alias failed to load.\n# TYPE foresight_degraded gauge\n";
  text += "foresight_degraded " + std::string(models_.health().degraded ? "1" : "0") + "\n";
  text += "# HELP foresight_forecast_cache_hits_total Forecasts answered from the cache.\n# TYPE foresight_forecast_cache_hits_total counter\n";
  text += "foresight_forecast_cache_hits_total " + std::to_string(forecasts_.hits()) + "\n";
  text += "# HELP foresight_forecast_cache_misses_total Forecasts computed.\n# TYPE foresight_forecast_cache_misses_total counter\n";
  text += "foresight_forecast_cache_misses_total " + std::to_string(forecasts_.misses()) + "\n";
  HttpReply r;
  r.contentType = "text/plain; version=0.0.4; charset=utf-8";
  r.body = QByteArray::fromStdString(text);
  return r;
}

}  // namespace foresight::serving
