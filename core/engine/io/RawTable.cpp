#include "engine/io/RawTable.h"

namespace foresight {

int RawTable::columnIndex(const std::string& name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace foresight
