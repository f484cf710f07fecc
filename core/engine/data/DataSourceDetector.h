// Decides what a path holds: a folder with an Adventure Works sales export
// (or OLTP tables), an OLTP table file recognised by its name, or any other
// delimited file. Detection rules are listed in docs/data.md.
#pragma once

#include <string>
#include <vector>

#include "engine/data/DatasetRef.h"

namespace foresight {

class DataSourceDetector {
 public:
  // Throws InputError naming the path when it does not exist or a folder
  // holds nothing Foresight can read (the message lists what it looks for).
  static std::vector<DatasetRef> detect(const std::string& path);
};

}  // namespace foresight
