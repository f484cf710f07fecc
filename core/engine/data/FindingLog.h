// Collects findings while data is loaded and checked: occurrences of the same
// code and message are counted together and only the first few keep their
// location, so a file with 50,000 bad rows yields one finding, not 50,000.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/Finding.h"

namespace foresight {

class FindingLog {
 public:
  static constexpr std::size_t kMaxExamples = 5;

  // Records one occurrence. The first occurrence of (code, message) creates
  // the finding; later ones raise its count and, up to kMaxExamples, add
  // their example. An empty `where` and `detail` add no example.
  void add(Severity severity, std::string_view code, std::string_view message,
           InputLocation where = {}, std::string detail = {});
  // Adds an example to the finding without counting another occurrence
  // (e.g. one finding about row counts, with one example per file).
  void addDetail(Severity severity, std::string_view code, std::string_view message, InputLocation where,
                 std::string detail);
  // Records a data row a loader could not use and left out (an error,
  // marked rejectsRow): what RejectedRows stops on or lists as skipped.
  void addRejectedRow(std::string_view code, std::string_view message, InputLocation where);
  // Records `count` occurrences at once (e.g. 956 missing days) with no example.
  void addCount(Severity severity, std::string_view code, std::string_view message,
                std::size_t count);
  void merge(const FindingLog& other);

  const std::vector<Finding>& findings() const { return findings_; }
  // The caller chose to go on without the rejected rows: their findings
  // become warnings that say "row skipped" where they said "row rejected".
  void skipRejectedRows();
  // Findings (not occurrences) of a severity.
  std::size_t countOf(Severity s) const;
  bool hasErrors() const { return countOf(Severity::Error) > 0; }
  // The finding with this code, or nullptr (the first when several messages share it).
  const Finding* find(std::string_view code) const;

 private:
  Finding& slot(Severity severity, std::string_view code, std::string_view message);
  std::vector<Finding> findings_;
};

}  // namespace foresight
