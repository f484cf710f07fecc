// Spots rows whose key was seen before, and tells an exact repeat of a row
// (typically a file exported or appended twice) from two different rows that
// claim the same key. Both end up as findings naming both lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/data/FactTable.h"
#include "engine/data/FindingLog.h"

namespace foresight {

class DuplicateTracker {
 public:
  // `keyDescription` names the key in messages, e.g. "OrderNumber+OrderLineItem".
  explicit DuplicateTracker(std::string keyDescription) : keyDescription_(std::move(keyDescription)) {}

  // Records a row; adds a duplicate_row or duplicate_key finding (error: the
  // row is counted twice in every measure) when its key was seen before.
  // `fileIndex`/`line` locate the row, `files` resolves file indexes.
  void check(std::string_view key, const std::vector<std::string>& fields, std::uint32_t fileIndex,
             std::uint32_t line, const std::vector<std::string>& files, FindingLog& log);

  // Makes room for `more` keys beyond those seen (saves rehashing on big files).
  void reserveMore(std::size_t more) { seen_.reserve(seen_.size() + more); }

  static std::uint64_t hashFields(const std::vector<std::string>& fields);

 private:
  struct Seen {
    std::uint64_t rowHash;
    std::uint32_t file;
    std::uint32_t line;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::string keyDescription_;
  std::unordered_map<std::string, Seen, Hash, std::equal_to<>> seen_;
};

}  // namespace foresight
