// ScoringService: the forecast routes (GET from the served state, POST with
// newer actuals) and the choice of version.
#include "engine/common/Errors.h"
#include "engine/models/ModelUpdater.h"
#include "registry/RegistryTypes.h"
#include "serving/ForecastRenderer.h"
#include "serving/HttpError.h"
#include "serving/ScoringService.h"

namespace foresight::serving {

namespace {

HttpReply forecastReply(QByteArray body, bool csv, const LoadedModel& model, const char* cache) {
  HttpReply r;
  r.body = std::move(body);
  r.contentType = csv ? "text/csv; charset=utf-8" : "application/json";
  r.headers.emplace_back("X-Model-Version", QByteArray::number(model.version()));
  if (cache) r.headers.emplace_back("X-Cache", cache);
  return r;
}

QByteArray render(const ForecastRenderer& renderer, bool csv) { return csv ? renderer.csv() : renderer.json(); }

}  // namespace

std::shared_ptr<const LoadedModel> ScoringService::select(const std::string& name, const ForecastQuery& q) {
  const auto snap = models_.snapshot();
  const ServedModel* served = snap->find(name);
  if (!served) throw HttpError::notFound("unknown_model", "model '" + name + "' is not registered");
  if (q.version) return models_.version(name, *q.version);
  const std::string alias = q.alias.value_or(registry::kChampion);
  const auto it = served->byAlias.find(alias);
  if (it != served->byAlias.end()) return it->second;
  if (served->details.model.aliases.count(alias))
    throw HttpError(503, "alias_not_loaded", name + "@" + alias + " could not be loaded; see /v1/health");
  throw HttpError::notFound("unknown_alias", "model '" + name + "' has no alias '" + alias + "'" +
                                                 (q.alias ? "" : " (no alias or version was given, so the champion was asked for)"));
}

HttpReply ScoringService::forecastGet(const std::string& name, const QueryString& query) {
  const ForecastQuery q = ForecastQuery::fromQuery(query, limits_);
  const auto model = select(name, q);
  if (!q.series.empty()) model->indexOf(q.series);  // 404 for an unknown series before caching anything
  const long long records = static_cast<long long>(q.horizon) * (q.series.empty() ? static_cast<long long>(model->models().size()) : 1);
  if (records > limits_.maxRecords)
    throw HttpError::unprocessable("too_many_records", std::to_string(records) + " records (horizon x series) exceed the limit of " +
                                                           std::to_string(limits_.maxRecords) + "; name a series or ask for a shorter horizon");
  const std::string key = ForecastCache::key(name, model->version(), model->record().sha256, q.horizon, q.levelsKey(),
                                             q.series, q.csv);
  if (auto hit = forecasts_.find(key)) return forecastReply(std::move(*hit), q.csv, *model, "hit");
  ForecastRenderer renderer(name, model->version());
  if (const auto& hierarchy = model->hierarchy()) {
    // Every node is reconciled with all the others, whichever are asked for.
    std::vector<Forecast> forecasts;
    try {
      forecasts = hierarchy->forecast(q.horizon, q.levels);
    } catch (const InputError& e) {
      throw HttpError::unprocessable("not_reconcilable", e.what());
    }
    for (std::size_t i = 0; i < forecasts.size(); ++i) {
      const std::string& node = hierarchy->hierarchy().nodes()[i].name;
      if (q.series.empty() || node == q.series) renderer.add(node, forecasts[i]);
    }
  } else {
    for (const auto& m : model->models())
      if (q.series.empty() || m->info().series == q.series) renderer.add(m->info().series, m->forecast(q.horizon, q.levels));
  }
  QByteArray body = render(renderer, q.csv);
  forecasts_.insert(key, body);
  return forecastReply(std::move(body), q.csv, *model, "miss");
}

HttpReply ScoringService::forecastPost(const std::string& name, const QueryString& query, const QByteArray& body) {
  if (body.size() > limits_.maxBodyBytes)
    throw HttpError(413, "body_too_large", "the request body has " + std::to_string(body.size()) + " bytes; at most " +
                                               std::to_string(limits_.maxBodyBytes) + " are allowed");
  ForecastQuery q = ForecastQuery::fromBody(body, query, limits_);
  const auto model = select(name, q);
  if (model->hierarchy())
    throw HttpError::unprocessable("hierarchical_model",
                                   name + " v" + std::to_string(model->version()) +
                                       " is a hierarchy: its nodes are reconciled together, so one node's newer "
                                       "actuals cannot be scored alone; GET its forecasts, or refresh it with a "
                                       "pipeline run on the actuals of every node");
  const std::size_t index = model->indexOf(q.series);
  ModelArtifact::Loaded fresh = model->freshCopy();
  Forecaster& target = *fresh.models[index];
  Panel newer;
  newer.series.push_back(*q.history);
  newer.series.back().name = target.info().series;
  try {
    ModelUpdater::apply({&target}, newer, "request body");
  } catch (const InputError& e) {
    throw HttpError::unprocessable("history_rejected", e.what());
  }
  ForecastRenderer renderer(name, model->version());
  renderer.add(target.info().series, target.forecast(q.horizon, q.levels));
  return forecastReply(render(renderer, q.csv), q.csv, *model, nullptr);
}

}  // namespace foresight::serving
