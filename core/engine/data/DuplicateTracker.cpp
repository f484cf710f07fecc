#include "engine/data/DuplicateTracker.h"

namespace foresight {

std::uint64_t DuplicateTracker::hashFields(const std::vector<std::string>& fields) {
  // FNV-1a with a separator byte, so that ("ab","c") and ("a","bc") differ.
  std::uint64_t h = 1469598103934665603ULL;
  for (const auto& f : fields) {
    for (char c : f) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    h = (h ^ 0x1fU) * 1099511628211ULL;
  }
  return h;
}

void DuplicateTracker::check(std::string_view key, const std::vector<std::string>& fields,
                             std::uint32_t fileIndex, std::uint32_t line,
                             const std::vector<std::string>& files, FindingLog& log) {
  const std::uint64_t h = hashFields(fields);
  const auto it = seen_.find(key);
  if (it == seen_.end()) {
    seen_.emplace(std::string(key), Seen{h, fileIndex, line});
    return;
  }
  const Seen& first = it->second;
  const std::string firstAt = files[first.file] + ":" + std::to_string(first.line);
  InputLocation where{files[fileIndex], line, keyDescription_, std::string(key)};
  if (first.rowHash == h)
    log.add(Severity::Error, "duplicate_row",
            "the same row appears more than once (a file exported or appended twice?); every copy "
            "is counted",
            std::move(where), "same as " + firstAt);
  else
    log.add(Severity::Error, "duplicate_key",
            "different rows share the key " + keyDescription_ + "; both are counted",
            std::move(where), "key first seen at " + firstAt);
}

}  // namespace foresight
