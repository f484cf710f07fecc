// The tidy series CSV every feature exchanges: `series,date,value`, ISO
// dates, '.' decimals, UTF-8, one row per series and period, an empty value
// for a missing period. Values are written in the shortest text that reads
// back to the same double, so money keeps every cent.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/io/RawTable.h"

namespace foresight {

class SeriesCsv {
 public:
  // Writes the header and every series in panel order.
  static void write(std::ostream& out, const Panel& panel);
  // Writes through AtomicFileWriter: the file appears complete or not at
  // all. Throws InputError naming the path when it cannot be written, and
  // CancelledError (checked between series) when `cancel` was set;
  // `progress` hears of each series before it is written.
  static void writeFile(const std::string& path, const Panel& panel, const CancellationToken* cancel = nullptr,
                        const ProgressSink& progress = {});

  // Reads `series,date,value` (or `date,value` for one series named after
  // `sourceName`'s file stem); the header is optional. The frequency is
  // inferred from the dates (D, W, M, Q or Y); a period absent from the file
  // becomes NaN. Throws InputError (file, line, field) on a bad date or value,
  // and on dates of a series that are unsorted or repeated.
  static Panel read(std::string_view text, const std::string& sourceName);
  static Panel readFile(const std::string& path);
  // The rows as read, before parsing (for readers of the same format that
  // want more of it: a hierarchy's level column).
  static RawTable table(std::string_view text, const std::string& sourceName);
  static RawTable tableFile(const std::string& path);

  // Shortest round-trip text: plain digits for ordinary magnitudes
  // ("1234567.1234", "10000000"), exponent form only for extreme ones; "" for NaN.
  static std::string formatValue(double v);
};

}  // namespace foresight
