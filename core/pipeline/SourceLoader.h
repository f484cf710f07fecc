// The one entry point front ends use to load data: folders and files go to
// the engine's DataSourceLoader, database URIs run their query through
// SqlQuerySource and the generic column-mapped loader.
#pragma once

#include <vector>

#include "engine/data/LoadedData.h"
#include "pipeline/SourceRequest.h"

namespace foresight::pipeline {

class SourceLoader {
 public:
  // Every dataset the source holds. Throws UsageError when a database URI
  // has no --query or a file has one; InputError for bad input.
  static std::vector<LoadedData> loadAll(const SourceRequest& request, const LoadOptions& options = {});
  // Exactly one dataset (InputError listing the choices otherwise).
  static LoadedData loadOne(const SourceRequest& request, const LoadOptions& options = {});
};

}  // namespace foresight::pipeline
