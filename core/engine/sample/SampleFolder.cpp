#include "engine/sample/SampleFolder.h"

#include <algorithm>  // std::sort

#include "engine/common/Errors.h"

namespace foresight {

namespace fs = std::filesystem;

const std::vector<std::string>& SampleFolder::tableFileNames() {
  static const std::vector<std::string> names = {"AdventureWorks_Products.csv",
                                                 "AdventureWorks_Product_Subcategories.csv",
                                                 "AdventureWorks_Product_Categories.csv",
                                                 "AdventureWorks_Territories.csv",
                                                 "AdventureWorks_Returns.csv",
                                                 "AdventureWorks_Calendar.csv"};
  return names;
}

bool SampleFolder::isSampleFileName(std::string_view name) {
  if (name == kMarkerName) return true;
  for (const auto& n : tableFileNames())
    if (name == n) return true;
  constexpr std::string_view prefix = "AdventureWorks_Sales_", suffix = ".csv";
  if (name.size() != prefix.size() + 4 + suffix.size() || !name.starts_with(prefix) ||
      !name.ends_with(suffix))
    return false;
  const auto year = name.substr(prefix.size(), 4);
  return std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void SampleFolder::prepare(const fs::path& dir, bool overwrite) {
  const std::string where = dir.string();
  std::error_code ec;
  const auto status = fs::status(dir, ec);
  if (!fs::exists(status)) {
    if (!fs::create_directories(dir, ec) && ec)
      throw InputError({where, 0, "", ""}, "cannot create folder: " + ec.message());
    return;
  }
  if (!fs::is_directory(status))
    throw InputError({where, 0, "", ""}, "exists and is not a folder; pick another --out");

  std::vector<fs::path> ours;
  std::vector<std::string> foreign;
  bool marked = false;
  for (fs::directory_iterator it(dir, ec), endIt; !ec && it != endIt; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool sampleName = isSampleFileName(name) && it->is_regular_file(ec);
    marked = marked || name == kMarkerName;
    if (sampleName)
      ours.push_back(it->path());
    else
      foreign.push_back(name);
  }
  if (ec) throw InputError({where, 0, "", ""}, "cannot list folder: " + ec.message());
  const bool earlierSample = marked && foreign.empty();
  if (!earlierSample && !overwrite && (!ours.empty() || !foreign.empty())) {
    // Sorted so that the message names the same file on every machine.
    std::sort(foreign.begin(), foreign.end());
    std::sort(ours.begin(), ours.end());
    const std::string example =
        foreign.empty() ? ours.front().filename().string() : foreign.front();
    throw InputError({where, 0, "", ""},
                     "folder is not empty and does not hold an earlier sample (it has " +
                         quoteForMessage(example) +
                         "); choose an empty or new folder, or pass --force to write into it");
  }
  for (const auto& p : ours)
    if (!fs::remove(p, ec) && ec)
      throw InputError({p.string(), 0, "", ""},
                       "cannot remove earlier sample file: " + ec.message());
}

}  // namespace foresight
