// The built-in sample dataset: a deterministic synthetic sales export in the
// exact Adventure Works layout, with known trend, seasonality, level shift,
// holiday peaks and no-order days, so demos and tests use the real loader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "engine/common/Date.h"
#include "engine/sample/SampleCalendar.h"
#include "engine/sample/SampleDemand.h"

namespace foresight {

struct SampleDataOptions {
  // The real export's range.
  static constexpr Date kDefaultStart = civilDate(2015, 1, 1);
  static constexpr Date kDefaultEnd = civilDate(2017, 6, 30);
  // Longest range accepted (ten years): keeps files loadable in seconds.
  static constexpr std::int32_t kMaxDays = 3660;

  std::uint64_t seed = 42;
  Date start = kDefaultStart;  // first order date, inclusive
  Date end = kDefaultEnd;      // last order date, inclusive
  // Write into a non-empty folder that does not hold an earlier sample
  // (files with the sample's names are replaced, others are left alone).
  bool overwrite = false;
};

struct SampleFileInfo {
  std::string name;      // file name inside the folder
  std::size_t rows = 0;  // data rows, header excluded
  std::size_t bytes = 0;
};

struct SampleDataSummary {
  std::filesystem::path dir;
  std::uint64_t seed = 0;
  Date start, end;
  std::vector<SampleFileInfo> files;  // CSV files in the order written
  std::size_t orderLines = 0;
  std::int64_t orders = 0;
  std::size_t returns = 0;
  // Sum of OrderQuantity x ProductPrice, exact, in units of 1/10000.
  std::int64_t revenueTenThousandths = 0;
  double revenue() const { return static_cast<double>(revenueTenThousandths) / 10000.0; }
};

class SampleDataGenerator {
 public:
  // Daily orders rise kLevelShiftPermille/1000 times (revenue ~2.5x) here.
  static constexpr Date kLevelShiftDate = SampleDemand::kLevelShiftDate;
  // Outage days with no orders; every Christmas Day has none either.
  static constexpr std::span<const Date> kOutageDates = SampleCalendar::kOutageDates;

  // Writes the dataset into `dir` (created if missing). Same options give
  // byte-identical files on every platform. Throws InputError for a bad
  // range (field start/end) and, naming the path, for a folder that is in
  // use or a file that cannot be written.
  static SampleDataSummary write(const std::filesystem::path& dir,
                                 const SampleDataOptions& options);

  // Days without any order in [start, end] (Christmas Days and outages).
  static std::vector<Date> noOrderDates(Date start, Date end) {
    return SampleCalendar::noOrderDates(start, end);
  }
  // Holidays and outages with their demand multipliers in [start, end].
  static std::vector<SampleEvent> events(Date start, Date end) {
    return SampleCalendar::events(start, end);
  }
  // Checks a range; throws InputError naming the field ("start"/"end").
  static void validate(const SampleDataOptions& options);
  // "31-12-2016", the export's date format.
  static std::string formatDate(Date day);
};

}  // namespace foresight
