// The data rows a loader rejected (a value that is not a number, a date in
// the wrong format, an unknown product...), gathered from the findings, so
// that every front end treats them the same way: `data series`, `pipeline
// run` and the workbench import stop on them by default, naming the first
// rows and the count, and go on only when skipping was asked for, listing
// the skipped rows.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/data/BadRowPolicy.h"
#include "engine/data/FindingLog.h"
#include "engine/data/LoadedData.h"

namespace foresight {

class RejectedRows {
 public:
  static constexpr std::size_t kNamed = 5;  // rows an error message names

  explicit RejectedRows(const FindingLog& log);

  // Rows rejected (or skipped), all of them.
  std::size_t count() const { return count_; }
  // The first rows, in file and line order, each as
  // "file:line: field 'x': value 'y': why" (up to FindingLog::kMaxExamples per reason).
  const std::vector<std::string>& rows() const { return rows_; }
  // "3 rows rejected; the first: a.csv:5: field 'value': value 'x': the value is not a number; ..."
  std::string describe(std::string_view verb = "rejected") const;
  // Skipped rows for a log, one line each: "3 rows skipped", "skipped row
  // a.csv:5: ...", ..., "... and 2 more skipped rows"; empty when none.
  std::vector<std::string> listing() const;

  // Stop: InputError naming the source, the first rows and the count, then
  // `howToSkip` (how this front end skips them, e.g. "--skip-bad-rows
  // leaves them out"), when any
  // row was rejected. Skip: the rejected rows' findings become warnings
  // ("row skipped"). Returns the rows, for the caller's report and log.
  static RejectedRows apply(LoadedData& data, BadRowPolicy policy, const std::string& howToSkip);

 private:
  std::size_t count_ = 0;
  std::vector<std::string> rows_;
};

}  // namespace foresight
