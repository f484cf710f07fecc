// One dataset found at a path, before it is loaded: which loader reads it
// and from which files.
#pragma once

#include <string>

#include "engine/data/AdventureWorksFiles.h"
#include "engine/data/OltpTableSpec.h"

namespace foresight {

enum class DatasetKind { AdventureWorks, OltpTable, Delimited };

struct DatasetRef {
  DatasetKind kind = DatasetKind::Delimited;
  std::string path;                     // the folder (Adventure Works) or file
  AdventureWorksFiles awFiles;          // AdventureWorks only
  const OltpTableSpec* oltp = nullptr;  // OltpTable only
};

}  // namespace foresight
