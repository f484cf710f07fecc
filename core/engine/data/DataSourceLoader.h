// The engine's entry point for loading data from a path: detects what the
// path holds and runs the matching loader. core/pipeline adds database URIs.
#pragma once

#include <string>
#include <vector>

#include "engine/data/DatasetRef.h"
#include "engine/data/LoadOptions.h"
#include "engine/data/LoadedData.h"

namespace foresight {

class DataSourceLoader {
 public:
  // Every dataset at the path (a folder of OLTP tables holds several).
  static std::vector<LoadedData> loadAll(const std::string& path, const LoadOptions& options);
  // Exactly one dataset; InputError listing the choices when the folder holds several.
  static LoadedData loadOne(const std::string& path, const LoadOptions& options);
  static LoadedData load(const DatasetRef& ref, const LoadOptions& options);
};

}  // namespace foresight
