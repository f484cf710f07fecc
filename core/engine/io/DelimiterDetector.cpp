#include "engine/io/DelimiterDetector.h"

#include <algorithm>  // std::sort

#include "engine/common/Errors.h"
#include "engine/io/RecordScanner.h"

namespace foresight::detail {

namespace {

std::vector<std::size_t> sampleFieldCounts(std::string_view text, char delimiter,
                                           const std::string& source, std::size_t maxFieldBytes,
                                           std::size_t maxFieldCount) {
  RecordScanner scanner(text, delimiter, source, maxFieldBytes, maxFieldCount);
  scanner.setStoredFieldLimit(0);
  ScannedRecord record;
  std::vector<std::size_t> counts;
  try {
    while (counts.size() < DelimiterDetector::kSampleRecords && scanner.next(record))
      counts.push_back(record.fieldCount);
  } catch (const InputError&) {
    // A wrong delimiter often puts text after a closing quote: the records
    // read before the error are this candidate's score. If the file itself is
    // malformed, the real read reports it.
  }
  return counts;
}

}  // namespace

FieldCountMode DelimiterDetector::modeOf(const std::vector<std::size_t>& counts) {
  std::vector<std::size_t> sorted = counts;
  std::sort(sorted.begin(), sorted.end());
  FieldCountMode best;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    if (j - i >= best.frequency) best = {sorted[i], j - i};  // >=: ties go to the larger count
    i = j;
  }
  return best;
}

char DelimiterDetector::detect(std::string_view text, const std::string& source,
                               std::size_t maxFieldBytes, std::size_t maxFieldCount) {
  char best = 0;
  std::size_t bestScore = 0;
  char neverSplits = 0;
  for (char candidate : kCandidates) {
    const auto counts = sampleFieldCounts(text, candidate, source, maxFieldBytes, maxFieldCount);
    const FieldCountMode mode = modeOf(counts);
    if (mode.count == 1 && mode.frequency == counts.size() && neverSplits == 0)
      neverSplits = candidate;
    if (mode.count > 1 && mode.frequency > bestScore) {
      best = candidate;
      bestScore = mode.frequency;
    }
  }
  if (best != 0) return best;
  // Single column: a delimiter that occurs nowhere keeps every line whole.
  for (char candidate : kCandidates)
    if (text.find(candidate) == std::string_view::npos) return candidate;
  return neverSplits != 0 ? neverSplits : ',';
}

}  // namespace foresight::detail
