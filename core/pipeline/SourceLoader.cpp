#include "pipeline/SourceLoader.h"

#include "engine/common/Errors.h"
#include "engine/data/ColumnMappedLoader.h"
#include "engine/data/DataSourceLoader.h"
#include "pipeline/DatabaseUri.h"
#include "pipeline/SqlQuerySource.h"

namespace foresight::pipeline {

namespace {

LoadedData loadQuery(const SourceRequest& request, const LoadOptions& options) {
  const DatabaseUri uri = DatabaseUri::parse(request.source);
  if (request.query.empty())
    throw UsageError("a database source needs --query SQL (" + uri.redacted() + ")");
  LoadOptions opts = options;
  opts.columns = request.columns;
  opts.report(0.0, "running the query");
  const RawTable table = SqlQuerySource::run(uri, request.query, options.cancel);
  LoadedData d = ColumnMappedLoader::load(table, uri.redacted(), "sql", "SQL query result", opts);
  d.tables.front().path = uri.redacted();
  d.tables.front().role = "query";
  return d;
}

LoadOptions withColumns(const SourceRequest& request, const LoadOptions& options) {
  if (!request.query.empty()) throw UsageError("--query only applies to a database URI source");
  LoadOptions opts = options;
  opts.columns = request.columns;
  return opts;
}

}  // namespace

std::vector<LoadedData> SourceLoader::loadAll(const SourceRequest& request, const LoadOptions& options) {
  if (DatabaseUri::looksLikeUri(request.source)) {
    std::vector<LoadedData> out;
    out.push_back(loadQuery(request, options));
    return out;
  }
  return DataSourceLoader::loadAll(request.source, withColumns(request, options));
}

LoadedData SourceLoader::loadOne(const SourceRequest& request, const LoadOptions& options) {
  if (DatabaseUri::looksLikeUri(request.source)) return loadQuery(request, options);
  return DataSourceLoader::loadOne(request.source, withColumns(request, options));
}

}  // namespace foresight::pipeline
