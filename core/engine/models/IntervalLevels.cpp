#include "engine/models/IntervalLevels.h"

#include <algorithm>
#include <charconv>

#include "engine/common/Errors.h"
#include "engine/common/Text.h"
#include "engine/models/ForecastTable.h"

namespace foresight {

std::vector<double> IntervalLevels::numbers(std::string_view text, const std::string& field, std::size_t maxItems) {
  std::vector<double> out;
  if (trimBlanks(text).empty()) return out;
  std::size_t pos = 0;
  while (pos <= text.size() && out.size() < maxItems) {
    const std::size_t comma = std::min(text.find(',', pos), text.size());
    const std::string_view item = trimBlanks(text.substr(pos, comma - pos));
    double v = 0;
    const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
    // "inf" and "nan" are numbers here; check() refuses them as levels.
    if (item.empty() || ec != std::errc() || ptr != item.data() + item.size())
      throw InputError(InputLocation{"", 0, field, std::string(item)},
                       quoteForMessage(item) + " is not a number (levels are percentages, e.g. " +
                           std::string(kDefaultText) + ")");
    out.push_back(v);
    pos = comma + 1;
  }
  return out;
}

void IntervalLevels::check(const std::vector<double>& levels, const std::string& field) {
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const double v = levels[i];
    const std::string shown = ForecastTable::formatNumber(v);
    if (!(v > 0 && v < 100))
      throw InputError(InputLocation{"", 0, field, shown},
                       "'" + shown + "' is not a percentage strictly between 0 and 100 (e.g. " +
                           std::string(kDefaultText) + ")");
    if (std::find(levels.begin(), levels.begin() + static_cast<std::ptrdiff_t>(i), v) !=
        levels.begin() + static_cast<std::ptrdiff_t>(i))
      throw InputError(InputLocation{"", 0, field, shown}, "names level " + shown + " twice");
  }
}

std::vector<double> IntervalLevels::parse(std::string_view text, const std::string& field) {
  std::vector<double> levels = numbers(text, field);
  check(levels, field);
  return levels;
}

std::string IntervalLevels::format(const std::vector<double>& levels) {
  std::string out;
  for (const double l : levels) out += (out.empty() ? "" : ",") + ForecastTable::levelLabel(l);
  return out;
}

}  // namespace foresight
