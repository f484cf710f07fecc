// Guards the folder the sample is written to: never clobbers someone's data
// unless asked, and leaves no stale files of an earlier sample behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace foresight {

class SampleFolder {
 public:
  // Written first by every run; its presence marks a folder as a sample.
  static constexpr std::string_view kMarkerName = ".foresight-sample.json";

  // Names the generator writes: the marker, AdventureWorks_Sales_<yyyy>.csv
  // and the six fixed AdventureWorks_*.csv tables.
  static bool isSampleFileName(std::string_view name);
  // The fixed table file names, in the order they are written.
  static const std::vector<std::string>& tableFileNames();

  // Makes `dir` ready: creates it if missing; accepts it if empty or if it
  // holds an earlier sample (marker and sample files only); otherwise only
  // when `overwrite` is set. Then removes every sample-named file in it, so
  // a shorter range does not leave a stale year behind; other files stay.
  // Throws InputError naming the folder or the file that is in the way.
  static void prepare(const std::filesystem::path& dir, bool overwrite);
};

}  // namespace foresight
