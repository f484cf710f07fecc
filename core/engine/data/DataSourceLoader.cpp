#include "engine/data/DataSourceLoader.h"

#include "engine/common/Errors.h"
#include "engine/data/AdventureWorksLoader.h"
#include "engine/data/ColumnMappedLoader.h"
#include "engine/data/DataSourceDetector.h"
#include "engine/data/OltpLoader.h"

namespace foresight {

LoadedData DataSourceLoader::load(const DatasetRef& ref, const LoadOptions& options) {
  switch (ref.kind) {
    case DatasetKind::AdventureWorks: return AdventureWorksLoader::load(ref.path, ref.awFiles, options);
    case DatasetKind::OltpTable: return OltpLoader::load(ref.path, *ref.oltp, options);
    case DatasetKind::Delimited: return ColumnMappedLoader::loadFile(ref.path, options);
  }
  throw InputError(InputLocation{ref.path, 0, "", ""}, "unknown kind of dataset");
}

std::vector<LoadedData> DataSourceLoader::loadAll(const std::string& path, const LoadOptions& options) {
  std::vector<LoadedData> out;
  for (const auto& ref : DataSourceDetector::detect(path)) out.push_back(load(ref, options));
  return out;
}

LoadedData DataSourceLoader::loadOne(const std::string& path, const LoadOptions& options) {
  const auto refs = DataSourceDetector::detect(path);
  if (refs.size() > 1) {
    std::string names;
    for (const auto& r : refs) names += (names.empty() ? "" : ", ") + r.path;
    throw InputError(InputLocation{path, 0, "", ""},
                     "the folder holds " + std::to_string(refs.size()) + " tables (" + names +
                         "); name one of the files");
  }
  return load(refs.front(), options);
}

}  // namespace foresight
