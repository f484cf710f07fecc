// Interval levels, declared once: the percentages a forecast's intervals are
// asked at ("80,95"), the one way every front end reads them (the CLI's
// --level, the REST `level` parameter, the workbench's fields and stored
// settings, the Power BI export dialog) and how they are written back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace foresight {

class IntervalLevels {
 public:
  static constexpr std::string_view kDefaultText = "80,95";
  static std::vector<double> defaults() { return {80.0, 95.0}; }

  // The numbers of a comma-separated list (spaces around an item ignored;
  // "" gives none), at most `maxItems` of them read (the caller reports
  // more). InputError naming `field` and the item when one is empty or not
  // a number ("inf" and "nan" are numbers, which check() refuses).
  static std::vector<double> numbers(std::string_view text, const std::string& field,
                                     std::size_t maxItems = static_cast<std::size_t>(-1));
  // InputError naming `field` and the level when one is not strictly between
  // 0 and 100 (nor a number at all: nan), or named twice.
  static void check(const std::vector<double>& levels, const std::string& field);
  // numbers() then check(); the order given is kept.
  static std::vector<double> parse(std::string_view text, const std::string& field);
  // "80,95": each level's shortest form, as a forecast's column labels it.
  static std::string format(const std::vector<double>& levels);
};

}  // namespace foresight
