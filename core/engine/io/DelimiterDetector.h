// Picks the delimiter of a text table from its first records (quote-aware).
// Used by DelimitedReader; not a public API.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace foresight::detail {

struct FieldCountMode {
  std::size_t count = 0;      // the most frequent field count (ties: the larger)
  std::size_t frequency = 0;  // how many records have it
};

class DelimiterDetector {
 public:
  static constexpr std::size_t kSampleRecords = 50;
  static constexpr char kCandidates[] = {',', '\t', ';', '|'};

  // The candidate whose most frequent field count is above 1 and shared by
  // the most of the first kSampleRecords records (junk lines above a header
  // only lower the score). For single-column text: a candidate absent from
  // the text, else one that splits no sampled record, else ','.
  static char detect(std::string_view text, const std::string& source, std::size_t maxFieldBytes,
                     std::size_t maxFieldCount);

  static FieldCountMode modeOf(const std::vector<std::size_t>& counts);
};

}  // namespace foresight::detail
