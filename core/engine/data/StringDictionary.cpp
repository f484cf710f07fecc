#include "engine/data/StringDictionary.h"

namespace foresight {

std::int32_t StringDictionary::intern(std::string_view text) {
  if (auto it = codes_.find(text); it != codes_.end()) return it->second;
  const auto code = static_cast<std::int32_t>(names_.size());
  names_.emplace_back(text);
  codes_.emplace(names_.back(), code);
  return code;
}

std::int32_t StringDictionary::find(std::string_view text) const {
  const auto it = codes_.find(text);
  return it == codes_.end() ? -1 : it->second;
}

}  // namespace foresight
